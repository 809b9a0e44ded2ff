package io.designforfailure.storefront.guard;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Lets retries add at most a share of the calls made to a dependency in the last window,
 * with a floor of a few retries a second so that a quiet storefront still retries.
 * Per-call limits alone multiply the load on a dependency that fails for everyone, which
 * is how retry storms start; a budget bounds the sum (Google SRE, "Handling Overload": 10
 * % per client). Resilience4j has no retry budget, so this is ours: the counting form of
 * Finagle's {@code RetryBudget}, kept to two counters.
 */
final class RetryBudget {

	private final GuardProperties.RetryBudget properties;

	private final SlidingCount calls;

	private final SlidingCount retries;

	RetryBudget(GuardProperties.RetryBudget properties, Ticker ticker) {
		this.properties = properties;
		this.calls = new SlidingCount(properties.window(), ticker);
		this.retries = new SlidingCount(properties.window(), ticker);
	}

	/** Counts a call's first attempt: it earns the budget its share. */
	void recordCall() {
		this.calls.add();
	}

	/** Takes one retry from the budget, if any is left. */
	synchronized boolean tryRetry() {
		if (remaining() <= 0) {
			return false;
		}
		this.retries.add();
		return true;
	}

	/** How many more retries the budget allows now. */
	synchronized long remaining() {
		double floor = this.properties.minRetriesPerSecond() * this.properties.window().toMillis() / 1000.0;
		double allowed = Math.max(floor, this.properties.ratio() * this.calls.sum());
		return (long) Math.floor(allowed) - this.retries.sum();
	}

}
