package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.lang.Nullable;

/**
 * A call to a dependency that failed or that a guard refused, already classified: the
 * gateway shows its {@link #reason()}, the breaker counts it only when it says something
 * about the dependency's health, and Resilience4j's retry tries again only when the
 * attempt planned a wait that fits the call's budget (see the two predicates named in
 * application.yml).
 */
public class DependencyFailure extends RuntimeException {

	private final Reason reason;

	private final HttpStatusCode status;

	private final boolean countsAgainstDependency;

	private final Duration plannedWait;

	private final Duration retryAfter;

	private volatile List<Attempt> attempts = List.of();

	DependencyFailure(Reason reason, @Nullable HttpStatusCode status, String message, @Nullable Throwable cause,
			boolean countsAgainstDependency, @Nullable Duration plannedWait, @Nullable Duration retryAfter) {
		super(message, cause, false, false);
		this.reason = reason;
		this.status = status;
		this.countsAgainstDependency = countsAgainstDependency;
		this.plannedWait = plannedWait;
		this.retryAfter = retryAfter;
	}

	/**
	 * An answer that arrived but cannot be used: incomplete items, a mismatched id. The
	 * dependency is broken, and a retry would get the same.
	 */
	public static DependencyFailure malformed(String dependency, String what) {
		return new DependencyFailure(Reason.ERROR, null, dependency + ": malformed answer: " + what, null, true, null,
				null);
	}

	/** A guard of ours held the call back before it reached the dependency. */
	static DependencyFailure refusedByGuard(Reason reason, String dependency, @Nullable Throwable cause) {
		return new DependencyFailure(reason, null, dependency + ": " + reason.value(), cause, false, null, null);
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Every attempt the call made before it failed; empty when a guard refused it before
	 * the first.
	 */
	public List<Attempt> attempts() {
		return this.attempts;
	}

	/** This failure, as the end of a call that made {@code attempts}. */
	DependencyFailure told(List<Attempt> attempts) {
		this.attempts = List.copyOf(attempts);
		return this;
	}

	/** The dependency's status code, when it answered. */
	@Nullable
	public HttpStatusCode status() {
		return this.status;
	}

	/**
	 * Whether the dependency refused the request itself, a 4xx other than 429: sending it
	 * again unchanged will never succeed.
	 */
	public boolean requestRefused() {
		return this.status != null && this.status.is4xxClientError()
				&& this.status.value() != HttpStatus.TOO_MANY_REQUESTS.value();
	}

	/**
	 * How long the dependency asked us to wait before asking again ({@code Retry-After}),
	 * when it did.
	 */
	@Nullable
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether it says something about the dependency's health, so the breaker counts it.
	 */
	boolean countsAgainstDependency() {
		return this.countsAgainstDependency;
	}

	@Nullable
	Duration plannedWait() {
		return this.plannedWait;
	}

	/**
	 * Tells Resilience4j's retry which failures to try again: those whose attempt planned
	 * a wait. Named in {@code resilience4j.retry.configs.default}.
	 */
	public static final class Retried implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable failure) {
			return failure instanceof DependencyFailure dependencyFailure && dependencyFailure.plannedWait != null;
		}

	}

	/**
	 * Tells the circuit breaker what to leave out of its failure rate: a refused request,
	 * a shed answer, a call our own guards held back. None says the dependency is down.
	 * Named in {@code resilience4j.circuitbreaker.configs.default}.
	 */
	public static final class NotTheDependencysFault implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable failure) {
			return failure instanceof DependencyFailure dependencyFailure && !dependencyFailure.countsAgainstDependency;
		}

	}

}
