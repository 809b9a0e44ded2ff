package io.designforfailure.storefront.guard;

import java.time.Duration;

import org.springframework.http.HttpStatusCode;
import org.springframework.lang.Nullable;

/**
 * What went wrong in one attempt, as {@link Faults} classified it: the reason a degraded
 * section shows, and what kind of fault it is, which decides whether another attempt may
 * cure it and whether the breaker counts it.
 *
 * @param reason the reason a degraded section shows
 * @param kind what kind of fault
 * @param status the dependency's status code, when it answered
 * @param retryAfter the wait the dependency asked for, if any
 * @param cause what the client threw
 */
record Fault(Reason reason, Kind kind, @Nullable HttpStatusCode status, @Nullable Duration retryAfter,
		RuntimeException cause) {

	/** I/O errors and attempt timeouts: the next attempt may well succeed. */
	static Fault passing(Reason reason, RuntimeException cause) {
		return new Fault(reason, Kind.TRANSIENT, null, null, cause);
	}

	/** 502, 504, or a 503 that does not say when to come back: a proxy or a restart. */
	static Fault passingStatus(HttpStatusCode status, RuntimeException cause) {
		return new Fault(Reason.ERROR, Kind.TRANSIENT, status, null, cause);
	}

	/** A 500, or an answer that cannot be read: the same would come back on a retry. */
	static Fault lasting(RuntimeException cause) {
		return new Fault(Reason.ERROR, Kind.LASTING, null, null, cause);
	}

	/** A 500 or another status that a retry will not change. */
	static Fault lastingStatus(HttpStatusCode status, RuntimeException cause) {
		return new Fault(Reason.ERROR, Kind.LASTING, status, null, cause);
	}

	/** A 4xx other than 429: our request was refused, the dependency is fine. */
	static Fault refused(HttpStatusCode status, RuntimeException cause) {
		return new Fault(Reason.ERROR, Kind.REFUSED, status, null, cause);
	}

	/**
	 * A 503 with {@code Retry-After} or a 429: the dependency protecting itself from more
	 * load than it can take. Retried only after the wait it asked for.
	 */
	static Fault shed(HttpStatusCode status, @Nullable Duration retryAfter, RuntimeException cause) {
		return new Fault(Reason.OVERLOADED, Kind.SHED, status, retryAfter, cause);
	}

	/** Whether a second attempt may cure it, once the wait before it is known to fit. */
	boolean mayPass() {
		return this.kind == Kind.TRANSIENT || (this.kind == Kind.SHED && this.retryAfter != null);
	}

	/**
	 * Whether it says something about the dependency's health, so the breaker counts it.
	 */
	boolean countsAgainstDependency() {
		return this.kind == Kind.TRANSIENT || this.kind == Kind.LASTING;
	}

	/** The failure that ends the call here. */
	DependencyFailure endsCall(String dependency) {
		return new DependencyFailure(this.reason, this.status, message(dependency), this.cause,
				countsAgainstDependency(), null, this.retryAfter);
	}

	/** The failure that Resilience4j's retry will try again after {@code wait}. */
	DependencyFailure retriedAfter(String dependency, Duration wait) {
		return new DependencyFailure(this.reason, this.status, message(dependency), this.cause,
				countsAgainstDependency(), wait, this.retryAfter);
	}

	private String message(String dependency) {
		return dependency + ": " + this.reason.value()
				+ ((this.status != null) ? " (HTTP " + this.status.value() + ")" : "") + ": " + this.cause.getMessage();
	}

	enum Kind {

		/** Another attempt may cure it. */
		TRANSIENT,

		/** Another attempt would get the same answer. */
		LASTING,

		/** Our request was at fault, not the dependency. */
		REFUSED,

		/** The dependency is healthy but full. */
		SHED

	}

}
