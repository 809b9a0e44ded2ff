package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.lang.Nullable;

/**
 * The one record of what a guarded call did, kept by the guard as the call runs: each
 * attempt with its outcome, duration and the wait before it, and each refusal. The
 * section's {@code attempts}, the {@code Server-Timing} header and the spans are views of
 * it: the call is an observation (a span), each attempt a child observation in scope
 * while its HTTP exchange runs (so the client span, and the {@code traceparent} the
 * dependency receives, are its children), and the waits and refusals are events of the
 * call. Lives on the calling thread, as the call does: only the exchange timer's alarm
 * runs elsewhere, and it records nothing.
 */
final class CallRecorder {

	private final String dependency;

	private final String operation;

	private final ObservationRegistry registry;

	private final CallObservation.Context context;

	private final Observation observation;

	private final Observation.Scope scope;

	private final long started = System.nanoTime();

	private final List<Attempt> attempts = new ArrayList<>(3);

	private long lastEnded = this.started;

	private CallRecorder(String dependency, String operation, ObservationRegistry registry) {
		this.dependency = dependency;
		this.operation = operation;
		this.registry = registry;
		this.context = new CallObservation.Context(dependency, operation, 0);
		this.observation = Observation.createNotStarted(CallObservation.CALL, () -> this.context, registry).start();
		this.scope = this.observation.openScope();
	}

	/**
	 * Starts recording a call; it must end with {@link #succeeded} or {@link #failed}.
	 */
	static CallRecorder start(String dependency, String operation, ObservationRegistry registry) {
		return new CallRecorder(dependency, operation, registry);
	}

	/** Starts an attempt, its observation current until it ends. */
	Attempting attempt(int number) {
		return new Attempting(number);
	}

	/**
	 * Something the guards did between attempts: the backoff planned, a refusal, a spent
	 * budget. An event on the call's span.
	 */
	void event(String name, String detail) {
		this.observation.event(Observation.Event.of(name, name + ": " + detail));
	}

	/** The call got its answer. */
	<T> Guarded<T> succeeded(T value) {
		end("ok", null);
		return new Guarded<>(value, this.attempts);
	}

	/** The call failed or was refused: the failure, telling every attempt it made. */
	DependencyFailure failed(DependencyFailure failure) {
		end(failure.reason().value(), failure);
		return failure.told(this.attempts);
	}

	private void end(String outcome, @Nullable Throwable failure) {
		this.context.outcome(outcome);
		if (failure != null) {
			this.observation.error(failure);
		}
		this.scope.close();
		this.observation.stop();
		ServerTimings.of(this.context)
			.ifPresent((timings) -> timings.add(this.dependency, millisSince(this.started), this.attempts.size()));
	}

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}

	/** One attempt under way. */
	final class Attempting {

		private final long started = System.nanoTime();

		private final Long waitedMs;

		private final CallObservation.Context context;

		private final Observation observation;

		private final Observation.Scope scope;

		private Attempting(int number) {
			this.waitedMs = (number > 1) ? Duration.ofNanos(this.started - CallRecorder.this.lastEnded).toMillis()
					: null;
			this.context = new CallObservation.Context(CallRecorder.this.dependency, CallRecorder.this.operation,
					number);
			this.observation = Observation
				.createNotStarted(CallObservation.ATTEMPT, () -> this.context, CallRecorder.this.registry)
				.parentObservation(CallRecorder.this.observation)
				.start();
			this.scope = this.observation.openScope();
		}

		void succeeded() {
			end(Attempt.Outcome.OK, null);
		}

		void failed(Fault fault) {
			end(Attempt.Outcome.of(fault.reason()), fault.cause());
		}

		private void end(Attempt.Outcome outcome, @Nullable Throwable failure) {
			long ended = System.nanoTime();
			this.context.outcome(outcome.value());
			if (failure != null) {
				this.observation.error(failure);
			}
			this.scope.close();
			this.observation.stop();
			CallRecorder.this.attempts
				.add(new Attempt(outcome, Duration.ofNanos(ended - this.started).toMillis(), this.waitedMs));
			CallRecorder.this.lastEnded = ended;
		}

	}

}
