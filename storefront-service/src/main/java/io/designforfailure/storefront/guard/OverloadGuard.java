package io.designforfailure.storefront.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One dependency's guards against overload, theirs and ours: the {@link RetryBudget}, so
 * our retries cannot multiply its load, and the {@link AdaptiveThrottle}, so we stop
 * sending what it sheds. Each decision is counted, tagged with the dependency's name.
 */
final class OverloadGuard {

	private final RetryBudget retryBudget;

	private final AdaptiveThrottle throttle;

	private final Counter budgetExhausted;

	private final Counter shed;

	private final Counter throttled;

	OverloadGuard(String dependency, RetryBudget retryBudget, AdaptiveThrottle throttle, MeterRegistry registry) {
		this.retryBudget = retryBudget;
		this.throttle = throttle;
		this.budgetExhausted = Counter.builder("storefront.retry.budget.exhausted")
			.description("Retries the retry budget refused, so the call ended with its failure")
			.tag("dependency", dependency)
			.register(registry);
		this.shed = Counter.builder("storefront.dependency.shed")
			.description("Attempts the dependency answered with a load signal: 503 with Retry-After, or 429")
			.tag("dependency", dependency)
			.register(registry);
		this.throttled = Counter.builder("storefront.throttled")
			.description("Attempts held back in the storefront because the dependency sheds load")
			.tag("dependency", dependency)
			.register(registry);
		Gauge.builder("storefront.retry.budget.remaining", retryBudget, RetryBudget::remaining)
			.description("Retries the budget still allows")
			.tag("dependency", dependency)
			.register(registry);
		Gauge.builder("storefront.throttle.probability", throttle, AdaptiveThrottle::rejectProbability)
			.description("The share of attempts the adaptive throttle holds back now")
			.tag("dependency", dependency)
			.register(registry);
	}

	/** A call begins: its first attempt earns the retry budget its share. */
	void callStarted() {
		this.retryBudget.recordCall();
	}

	/** Whether to make an attempt now, or hold it back because the dependency sheds. */
	boolean admits() {
		if (this.throttle.admits()) {
			return true;
		}
		this.throttled.increment();
		return false;
	}

	/** An attempt got an answer, or failed: either way the dependency took it. */
	void accepted() {
		this.throttle.accepted();
	}

	/**
	 * An attempt was answered with a load signal.
	 * @param throttled whether the throttle admitted the attempt and counts its outcome
	 */
	void shed(boolean throttled) {
		this.shed.increment();
		if (throttled) {
			this.throttle.shed();
		}
	}

	/** Whether the budget allows one more retry; counted when it does not. */
	boolean allowsRetry() {
		if (this.retryBudget.tryRetry()) {
			return true;
		}
		this.budgetExhausted.increment();
		return false;
	}

	GuardReport.OverloadReport report() {
		return new GuardReport.OverloadReport((long) this.shed.count(), (long) this.throttled.count(),
				this.throttle.rejectProbability(), this.retryBudget.remaining(), (long) this.budgetExhausted.count());
	}

}
