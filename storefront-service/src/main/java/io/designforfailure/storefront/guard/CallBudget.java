package io.designforfailure.storefront.guard;

import java.time.Duration;

/**
 * The hard deadline of one call to a dependency, covering every attempt and backoff. No
 * attempt outlives it, and no retry starts that could not finish inside it.
 */
final class CallBudget {

	private final long deadline;

	private final Duration attemptTimeout;

	private CallBudget(Duration total, Duration attemptTimeout) {
		this.deadline = System.nanoTime() + total.toNanos();
		this.attemptTimeout = attemptTimeout;
	}

	static CallBudget start(DependencyProperties properties) {
		return new CallBudget(properties.budget(), properties.responseTimeout());
	}

	Duration remaining() {
		return Duration.ofNanos(Math.max(0, this.deadline - System.nanoTime()));
	}

	/**
	 * The time the next attempt may take: its own timeout, or what is left if that is
	 * less.
	 */
	Duration nextAttemptLimit() {
		Duration remaining = remaining();
		return (remaining.compareTo(this.attemptTimeout) < 0) ? remaining : this.attemptTimeout;
	}

	/** Whether a full attempt still fits after waiting {@code wait}. */
	boolean allowsRetryAfter(Duration wait) {
		return remaining().minus(wait).compareTo(this.attemptTimeout) >= 0;
	}

}
