package io.designforfailure.storefront.guard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The guards against overload that every dependency gets, each dependency its own
 * instance: Resilience4j has neither, so they are configured here rather than under
 * {@code resilience4j}.
 *
 * @param retryBudget how much retries may add to the calls a dependency gets
 * @param throttling how the storefront holds calls back while a dependency sheds load
 * @param concurrencyLimit how many attempts may be in flight to a dependency, adapted to
 * its answers
 */
@ConfigurationProperties("storefront.guards")
record GuardProperties(RetryBudget retryBudget, Throttling throttling, ConcurrencyLimit concurrencyLimit) {

	/**
	 * The retry budget.
	 *
	 * @param ratio the share of recent calls that retries may add, e.g. 0.1 for 10 %
	 * @param minRetriesPerSecond the retries allowed however few calls there were
	 * @param window how far back calls and retries count
	 */
	record RetryBudget(double ratio, double minRetriesPerSecond, Duration window) {
	}

	/**
	 * Client-side adaptive throttling.
	 *
	 * @param enabled whether to throttle at all
	 * @param acceptsMultiplier K in the SRE formula: how many requests per accepted one
	 * go out before any is held back; 2 lets through twice what the dependency takes
	 * @param window how far back requests and accepts count
	 * @param maxRejectProbability the largest share ever held back, below 1 so that some
	 * calls always go out and show the dependency's recovery
	 */
	record Throttling(boolean enabled, double acceptsMultiplier, Duration window, double maxRejectProbability) {
	}

	/**
	 * The client-side adaptive concurrency limit, beneath the bulkhead: the bulkhead's
	 * {@code max-concurrent-calls} is its ceiling.
	 *
	 * @param enabled whether to limit adaptively at all; off, the bulkhead alone bounds
	 * the attempts in flight
	 * @param algorithm how the limit adapts
	 * @param initialLimit the limit at start
	 * @param minLimit the fewest attempts ever allowed in flight
	 * @param backoffRatio AIMD only: what the limit is multiplied by when an attempt is
	 * shed or finds no connection
	 */
	record ConcurrencyLimit(boolean enabled, Algorithm algorithm, int initialLimit, int minLimit, double backoffRatio) {

		/** The limit algorithms of Netflix concurrency-limits that a client can use. */
		enum Algorithm {

			/**
			 * Additive increase on every answer while at least half the limit is in use,
			 * multiplicative decrease on a drop: shed, or no connection.
			 */
			AIMD,

			/** Compares the short-term with the long-term round trip. */
			GRADIENT2,

			/** Estimates the queue from the round trip over the shortest one seen. */
			VEGAS

		}

	}

}
