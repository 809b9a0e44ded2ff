package io.designforfailure.systemtests;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Product views are recorded in the background, through a flaky recommendations-service.
 */
@SystemUnderTest
class ViewDeliveryTests {

	private static final int VIEWS_PER_PHASE = 15;

	@Test
	void aViewThatFailsIsRedeliveredOnceRecommendationsRecoversAndRecordedOnce(RunningSystem system) {
		Counts before = Counts.of(system);

		viewProducts(system, 0);
		system.exceptions(Service.RECOMMENDATIONS);
		viewProducts(system, VIEWS_PER_PHASE);
		system.chaosOff(Service.RECOMMENDATIONS);
		system.awaitRecovered(Service.RECOMMENDATIONS);
		viewProducts(system, 2 * VIEWS_PER_PHASE);

		// Views are sent in the background, the failed ones again later: wait until every
		// one has an outcome and none waits.
		int sent = 3 * VIEWS_PER_PHASE;
		Counts after = await("an outcome for every view").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> Counts.of(system),
					(counts) -> counts.minus(before).outcomes() >= sent && counts.pending() == 0);
		Counts delta = after.minus(before);
		assertThat(delta.outcomes()).isEqualTo(sent);
		assertThat(delta.redelivered()).as("views kept while recommendations failed, sent again").isPositive();
		assertThat(delta.dropped()).isZero();
		// A retried view that had already arrived is answered "duplicate" and not counted
		// again: recommendations-service records each view once.
		assertThat(delta.recorded()).as("views recorded by recommendations-service").isEqualTo(sent);
	}

	@Test
	void aViewRetriedAfterATimeoutIsRecordedOnceNotTwice(RunningSystem system) {
		Counts before = Counts.of(system);

		// Each attempt gives up after 250 ms, but recommendations-service still records
		// the view 300 ms in; the storefront keeps it and, once recommendations answers
		// in
		// time again, sends it again with the same Idempotency-Key: a duplicate.
		system.latency(Service.RECOMMENDATIONS, 300);
		viewProducts(system, 0);
		system.chaosOff(Service.RECOMMENDATIONS);
		Counts after = await("an outcome for every view").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> Counts.of(system),
					(counts) -> counts.minus(before).outcomes() >= VIEWS_PER_PHASE && counts.pending() == 0);

		Counts delta = after.minus(before);
		assertThat(delta.duplicates()).as("redeliveries of views recorded already").isPositive();
		assertThat(delta.recorded()).as("views recorded, one per product page").isEqualTo(VIEWS_PER_PHASE);
	}

	private static void viewProducts(RunningSystem system, int first) {
		for (int i = first; i < first + VIEWS_PER_PHASE; i++) {
			Answer page = system.storefront("/api/products/p-%04d?userId=u-views".formatted(i + 1));
			assertThat(page.status()).as("a product page never fails for a view").isEqualTo(200);
		}
	}

	/** What each side counted; every view ends in one of the storefront's outcomes. */
	private record Counts(double delivered, double redelivered, double duplicates, double dropped, double pending,
			double recorded) {

		static Counts of(RunningSystem system) {
			Scrape storefront = new Scrape(system.scrape(Service.STOREFRONT));
			Scrape recommendations = new Scrape(system.scrape(Service.RECOMMENDATIONS));
			return new Counts(storefront.sum("storefront_views_total", "outcome=\"delivered\""),
					storefront.sum("storefront_views_total", "outcome=\"redelivered\""),
					storefront.sum("storefront_views_total", "outcome=\"duplicate\""),
					storefront.sum("storefront_views_total", "outcome=\"dropped\""),
					storefront.sum("storefront_views_pending", ""),
					recommendations.sum("recommendations_views_recorded_total", ""));
		}

		Counts minus(Counts other) {
			return new Counts(this.delivered - other.delivered, this.redelivered - other.redelivered,
					this.duplicates - other.duplicates, this.dropped - other.dropped, this.pending,
					this.recorded - other.recorded);
		}

		double outcomes() {
			return this.delivered + this.redelivered + this.duplicates + this.dropped;
		}

	}

}
