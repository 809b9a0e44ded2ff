package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries may add a share of the recent calls, with a floor, and no more. */
class RetryBudgetTests {

	private final AtomicLong nanos = new AtomicLong();

	private final Ticker ticker = this.nanos::get;

	@Test
	void allowsTenPercentOfTheRecentCalls() {
		RetryBudget budget = budget(0.1, 0);
		calls(budget, 200);

		assertThat(retriesGranted(budget, 100)).isEqualTo(20);
		assertThat(budget.remaining()).isZero();
	}

	@Test
	void allowsTheFloorHoweverFewCallsThereWere() {
		RetryBudget budget = budget(0.1, 3);
		calls(budget, 5);

		// 3 a second over a 10 s window.
		assertThat(retriesGranted(budget, 100)).isEqualTo(30);
	}

	@Test
	void forgetsCallsAndRetriesOlderThanTheWindow() {
		RetryBudget budget = budget(0.1, 0);
		calls(budget, 100);
		assertThat(retriesGranted(budget, 100)).isEqualTo(10);

		this.nanos.addAndGet(Duration.ofSeconds(11).toNanos());

		assertThat(budget.remaining()).isZero();
		calls(budget, 50);
		assertThat(retriesGranted(budget, 100)).isEqualTo(5);
	}

	private RetryBudget budget(double ratio, double minRetriesPerSecond) {
		return new RetryBudget(new GuardProperties.RetryBudget(ratio, minRetriesPerSecond, Duration.ofSeconds(10)),
				this.ticker);
	}

	private static void calls(RetryBudget budget, int count) {
		for (int i = 0; i < count; i++) {
			budget.recordCall();
		}
	}

	private static int retriesGranted(RetryBudget budget, int asked) {
		int granted = 0;
		for (int i = 0; i < asked; i++) {
			if (budget.tryRetry()) {
				granted++;
			}
		}
		return granted;
	}

}
