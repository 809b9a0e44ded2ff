package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.designforfailure.web.tracing.Traces;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;

/**
 * Runs the calls to one dependency under its guards. Outermost first: <pre>
 * Retry( CircuitBreaker( Bulkhead( ConcurrencyLimit( attempt )))), all inside the CallBudget
 * </pre> where a call's first attempt is admitted by the {@link AdaptiveThrottle}, each
 * attempt is bounded by the {@link ExchangeTimer}, and a failed attempt is tried again
 * only when {@link #decide} says so, the {@link RetryBudget} included. The retry waits
 * outside the bulkhead, so a call backing off holds no permit, and the breaker sees every
 * attempt, so a dependency failing three times per call opens it sooner. A failed call
 * ends as a {@link DependencyFailure} whose reason the gateway shows.
 * <p>
 * Every call is recorded once, as it runs, by a {@link CallRecorder}: the attempts a
 * section tells, the {@code Server-Timing} header and the spans are all read from it.
 */
public final class DependencyGuard {

	private static final Logger logger = LoggerFactory.getLogger(DependencyGuard.class);

	private final String name;

	private final Retry retry;

	private final IntFunction<Duration> backoff;

	private final CircuitBreaker circuitBreaker;

	private final Supplier<CircuitBreaker> writesBreaker;

	private final Bulkhead bulkhead;

	private final ConcurrencyLimit limit;

	private final OverloadGuard overload;

	private final ExchangeTimer timer;

	private final Faults faults;

	private final SectionMetrics sections;

	private final BreakerTransitions transitions;

	private final DependencyProperties properties;

	private final Story story;

	DependencyGuard(Guards guards, DependencyProperties properties, ExchangeTimer timer, Faults faults,
			SectionMetrics sections, BreakerTransitions transitions, Story story) {
		this.name = properties.name();
		this.retry = guards.retry();
		this.backoff = guards.backoff();
		this.circuitBreaker = guards.circuitBreaker();
		this.writesBreaker = guards.writesBreaker();
		this.bulkhead = guards.bulkhead();
		this.limit = guards.limit();
		this.overload = guards.overload();
		this.timer = timer;
		this.faults = faults;
		this.sections = sections;
		this.transitions = transitions;
		this.properties = properties;
		this.story = story;
	}

	/**
	 * The dependency's name: of its Resilience4j instances, in metrics and the console.
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Calls an idempotent read, retrying transient failures within the budget.
	 * @return the answer, and the attempts it took
	 * @throws DependencyFailure if the call failed or a guard refused it; it tells the
	 * attempts made
	 */
	public <T> Guarded<T> read(Supplier<T> exchange) {
		CallRecorder call = CallRecorder.start(this.name, "read", this.story.observations());
		Supplier<T> attempt = attempts(call, CallBudget.start(this.properties), true, true, exchange);
		return run(call, Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(this.circuitBreaker,
				Bulkhead.decorateSupplier(this.bulkhead, this.limit.decorate(attempt, call::event)))));
	}

	/**
	 * Calls a write, retried only when it carries an idempotency key the dependency
	 * de-duplicates: without one, a retry could apply it twice. Writes run off the
	 * request thread behind a bulkhead of their own, so they do not take the reads'
	 * permits, and a breaker of their own ({@code <dependency>-writes}), so that writes
	 * timing out do not open the breaker that guards the reads; for the same reason the
	 * adaptive throttle neither holds them back nor counts them. They are paced by their
	 * own pool and redelivery, and a write the dependency refuses (503 with Retry-After
	 * while its database is down) says nothing about the reads it still answers from
	 * memory: counted, such refusals held back nearly every read. The call continues the
	 * trace of {@code origin}, the request that asked for the write.
	 * @throws DependencyFailure if the call failed or a guard refused it
	 */
	public <T> T write(Origin origin, @Nullable String idempotencyKey, Supplier<T> exchange) {
		boolean mayRetry = idempotencyKey != null && !idempotencyKey.isBlank();
		return inTraceOf(origin, () -> {
			CallRecorder call = CallRecorder.start(this.name, "write", this.story.observations());
			Supplier<T> guarded = CircuitBreaker.decorateSupplier(this.writesBreaker.get(),
					attempts(call, CallBudget.start(this.properties), mayRetry, false, exchange));
			return run(call, mayRetry ? Retry.decorateSupplier(this.retry, guarded) : guarded).value();
		});
	}

	/**
	 * Runs {@code work}, such as logging what became of a write, in the trace of
	 * {@code origin}, so its log lines carry that trace's id.
	 */
	public void inTraceOf(Origin origin, Runnable work) {
		inTraceOf(origin, () -> {
			work.run();
			return null;
		});
	}

	private <T> T inTraceOf(Origin origin, Supplier<T> work) {
		try (Traces.Resumed resumed = this.story.traces().resume(origin.trace())) {
			return work.get();
		}
	}

	/**
	 * Where a call made later on another thread for the current request comes from: its
	 * trace, for {@link #write}.
	 */
	public Origin origin() {
		return new Origin(this.story.traces().current());
	}

	/**
	 * Counts a section served on this dependency's behalf, by its source and reason, and
	 * keeps it for the console if degraded.
	 */
	public <T> Section<T> served(Section<T> section) {
		this.story.degraded().served(this.name, section);
		return this.sections.served(this.name, section);
	}

	/** The state of the writes' breaker, made by the first write. */
	public CircuitBreaker.State writesBreakerState() {
		return this.writesBreaker.get().getState();
	}

	/** The true state of every guard, for the resilience console. */
	public GuardReport report() {
		return GuardReport.of(this.circuitBreaker, this.bulkhead, this.limit.report(), this.retry,
				this.overload.report(), this.transitions.latest(this.name));
	}

	private <T> Guarded<T> run(CallRecorder call, Supplier<T> guarded) {
		try {
			return call.succeeded(guarded.get());
		}
		catch (CallNotPermittedException ex) {
			call.event("circuit-open", "the breaker refused the call");
			throw call.failed(DependencyFailure.refusedByGuard(Reason.CIRCUIT_OPEN, this.name, ex));
		}
		catch (BulkheadFullException ex) {
			call.event("bulkhead-full", "every permit is taken");
			throw call.failed(DependencyFailure.refusedByGuard(Reason.BULKHEAD_FULL, this.name, ex));
		}
		catch (DependencyFailure failure) {
			throw call.failed(failure);
		}
	}

	/**
	 * @param throttled whether the adaptive throttle may hold the call back, and counts
	 * what becomes of it
	 */
	private <T> Supplier<T> attempts(CallRecorder call, CallBudget callBudget, boolean mayRetry, boolean throttled,
			Supplier<T> exchange) {
		AtomicInteger attempts = new AtomicInteger();
		return () -> {
			int attempt = attempts.incrementAndGet();
			// The throttle holds back new calls; retries are the retry budget's to allow,
			// so a retry the dependency asked for (Retry-After) is not held back by its
			// own load signal.
			if (attempt == 1) {
				this.overload.callStarted();
				if (throttled && !this.overload.admits()) {
					call.event("throttled", "the dependency is shedding load");
					throw DependencyFailure.refusedByGuard(Reason.OVERLOADED, this.name, null);
				}
			}
			Duration limit = callBudget.nextAttemptLimit();
			if (limit.isZero()) {
				call.event("budget-spent", "no time left for attempt " + attempt);
				throw DependencyFailure.refusedByGuard(Reason.TIMEOUT, this.name, null);
			}
			CallRecorder.Attempting recorded = call.attempt(attempt);
			try {
				T result = this.timer.limit(limit, exchange);
				recorded.succeeded();
				if (throttled) {
					this.overload.accepted();
				}
				return result;
			}
			catch (RuntimeException ex) {
				Fault fault = this.faults.classify(ex);
				recorded.failed(fault);
				if (fault.kind() == Fault.Kind.SHED) {
					this.overload.shed(throttled);
				}
				else if (throttled) {
					this.overload.accepted();
				}
				DependencyFailure failure = decide(call, fault, attempt, callBudget, mayRetry);
				logger.debug("{} attempt {} failed ({}): {}", this.name, attempt,
						(failure.plannedWait() != null) ? "will retry" : "final", ex.toString());
				throw failure;
			}
		};
	}

	/**
	 * The retry decision, in one place: whether this failure ends the call, or
	 * Resilience4j tries again after the wait planned here, where the call's budget is
	 * known.
	 */
	private DependencyFailure decide(CallRecorder call, Fault fault, int attempt, CallBudget callBudget,
			boolean mayRetry) {
		if (!mayRetry || !fault.mayPass()) {
			return fault.endsCall(this.name);
		}
		if (attempt >= this.retry.getRetryConfig().getMaxAttempts()) {
			// Resilience4j stops here by itself, but counts a call as "failed with retry"
			// only if its last failure is one it would retry; marked so, the retry
			// metrics
			// stay true. A single attempt had no retry to count.
			return (attempt > 1) ? fault.retriedAfter(this.name, Duration.ZERO) : fault.endsCall(this.name);
		}
		Duration wait = (fault.retryAfter() != null) ? fault.retryAfter() : this.backoff.apply(attempt);
		if (!callBudget.allowsRetryAfter(wait)) {
			call.event("budget-spent", "no time left to wait " + wait.toMillis() + " ms and try again");
			return fault.endsCall(this.name);
		}
		if (!this.overload.allowsRetry()) {
			call.event("retry-budget-spent", "the retry budget allows no more retries now");
			return fault.endsCall(this.name);
		}
		call.event("backoff", wait.toMillis() + " ms before attempt " + (attempt + 1));
		return fault.retriedAfter(this.name, wait);
	}

	/**
	 * The instances that guard one dependency.
	 *
	 * @param retry the Resilience4j retry, keeping to the planned wait
	 * @param backoff the wait before retry {@code n}, as application.yml configures it
	 * @param circuitBreaker the breaker of the reads
	 * @param writesBreaker the breaker of the writes, made when first asked for: most
	 * dependencies take none
	 * @param bulkhead the semaphore bulkhead for reads
	 * @param limit the adaptive concurrency limit for reads, beneath the bulkhead
	 * @param overload the retry budget and the adaptive throttle
	 */
	record Guards(Retry retry, IntFunction<Duration> backoff, CircuitBreaker circuitBreaker,
			Supplier<CircuitBreaker> writesBreaker, Bulkhead bulkhead, ConcurrencyLimit limit, OverloadGuard overload) {
	}

	/**
	 * Where the story of each call is told: the observations (spans and timers), the
	 * trace a later call continues, and the console's list of degraded answers.
	 *
	 * @param observations the registry of the calls' and attempts' observations
	 * @param traces the current trace, to continue it on another thread
	 * @param degraded the latest degraded answers
	 */
	record Story(ObservationRegistry observations, Traces traces, DegradedAnswers degraded) {
	}

}
