package io.designforfailure.benchmark.shoppers;

import io.designforfailure.benchmark.load.Outcome;
import io.designforfailure.benchmark.load.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTests {

	private final Tally tally = new Tally();

	@Test
	void saysWhatShareOfThePeriodsAnswersWasLiveDegradedOrFailed() {
		add(Outcome.LIVE, 6);
		add(Outcome.DEGRADED, 3);
		add(Outcome.FAILED, 1);
		assertThat(this.tally.progress("10 s"))
			.isEqualTo("shoppers: 10 requests in the last 10 s: 60 % live, 30 % degraded, 10 % failed (10 in all)");
	}

	@Test
	void eachLineCountsItsOwnPeriodAndTheTotalKeepsGrowing() {
		add(Outcome.LIVE, 4);
		this.tally.progress("10 s");
		add(Outcome.DEGRADED, 2);
		assertThat(this.tally.progress("10 s"))
			.isEqualTo("shoppers: 2 requests in the last 10 s: 0 % live, 100 % degraded, 0 % failed (6 in all)");
	}

	@Test
	void aPeriodWithoutRequestsHasNoShares() {
		assertThat(this.tally.progress("10 s"))
			.isEqualTo("shoppers: 0 requests in the last 10 s: - live, - degraded, - failed (0 in all)");
	}

	private void add(Outcome outcome, int times) {
		for (int i = 0; i < times; i++) {
			this.tally.add(new Sample(0, 1000, outcome));
		}
	}

}
