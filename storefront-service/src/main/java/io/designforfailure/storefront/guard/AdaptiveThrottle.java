package io.designforfailure.storefront.guard;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Holds calls back in the storefront while a dependency sheds load, so that a dependency
 * answering only 503 + {@code Retry-After} is spared within seconds although its breaker
 * stays closed. Client-side adaptive throttling from Google's SRE book ("Handling
 * Overload"): reject locally with probability {@code max(0, (requests - K x accepts) /
 * (requests + 1))} over the last window, where {@code requests} counts every attempt we
 * wanted to make and {@code accepts} those the dependency did not shed. Both count an
 * attempt once its outcome is known (a held-back one at once, a sent one when it is
 * answered), as Envoy's admission control does: counted when sent, a burst of calls after
 * a quiet window would see requests without accepts and hold calls back from a dependency
 * that is only slow to answer the first of them. A healthy dependency accepts everything
 * and nothing is held back. The probability is capped ({@code max-reject-probability}, as
 * Envoy's admission control does): calls held back still count as requests, so under a
 * closed loop whose held-back answers come back at once, an uncapped throttle keeps
 * nearly everything back long after the dependency has recovered. No library ships it for
 * the JVM, so it is kept to two counters.
 */
final class AdaptiveThrottle {

	private final GuardProperties.Throttling properties;

	private final SlidingCount requests;

	private final SlidingCount accepts;

	private final DoubleSupplier random;

	AdaptiveThrottle(GuardProperties.Throttling properties, Ticker ticker) {
		this(properties, ticker, () -> ThreadLocalRandom.current().nextDouble());
	}

	AdaptiveThrottle(GuardProperties.Throttling properties, Ticker ticker, DoubleSupplier random) {
		this.properties = properties;
		this.requests = new SlidingCount(properties.window(), ticker);
		this.accepts = new SlidingCount(properties.window(), ticker);
		this.random = random;
	}

	/**
	 * Says whether to make an attempt we want to make; one held back counts as a request
	 * at once, one made counts when it is {@link #accepted() accepted} or {@link #shed()
	 * shed}.
	 */
	boolean admits() {
		if (!this.properties.enabled()) {
			return true;
		}
		if (this.random.getAsDouble() >= rejectProbability()) {
			return true;
		}
		this.requests.add();
		return false;
	}

	/** The dependency took an attempt instead of shedding it. */
	void accepted() {
		this.requests.add();
		this.accepts.add();
	}

	/** The dependency shed an attempt: it answered with a load signal. */
	void shed() {
		this.requests.add();
	}

	/** The share of attempts held back now. */
	double rejectProbability() {
		long requests = this.requests.sum();
		double excess = requests - this.properties.acceptsMultiplier() * this.accepts.sum();
		return Math.min(this.properties.maxRejectProbability(), Math.max(0, excess / (requests + 1)));
	}

}
