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
	void everyDeliveredViewIsRecordedExactlyOnceAndEveryLostOneIsCounted(RunningSystem system) {
		Counts before = Counts.of(system);

		viewProducts(system, 0);
		system.exceptions(Service.RECOMMENDATIONS);
		viewProducts(system, VIEWS_PER_PHASE);
		system.chaosOff(Service.RECOMMENDATIONS);
		system.awaitRecovered(Service.RECOMMENDATIONS);
		viewProducts(system, 2 * VIEWS_PER_PHASE);

		// Views are sent in the background: wait until every one has an outcome.
		int sent = 3 * VIEWS_PER_PHASE;
		Counts after = await("an outcome for every view").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> Counts.of(system), (counts) -> counts.minus(before).outcomes() >= sent);
		Counts delta = after.minus(before);
		assertThat(delta.outcomes()).isEqualTo(sent);
		assertThat(delta.undelivered()).as("views lost while recommendations failed").isPositive();
		// A retried view that had already arrived is answered "duplicate" and not counted
		// again:
		// whatever the duplicates, recommendations-service counts each delivered view
		// once.
		assertThat(delta.recorded())
			.as("views recorded by recommendations-service (duplicates: %s)", delta.duplicates())
			.isEqualTo(delta.delivered());
	}

	@Test
	void aViewRetriedAfterATimeoutIsRecordedOnceNotTwice(RunningSystem system) {
		Counts before = Counts.of(system);

		// Each attempt gives up after 250 ms, but recommendations-service still records
		// the view
		// 300 ms in: the retry carries the same Idempotency-Key and is answered
		// "duplicate".
		system.latency(Service.RECOMMENDATIONS, 300);
		viewProducts(system, 0);
		Counts after = await("the retries to arrive").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> Counts.of(system), (counts) -> counts.minus(before).outcomes() >= VIEWS_PER_PHASE
					&& counts.minus(before).duplicates() > 0);
		system.chaosOff(Service.RECOMMENDATIONS);

		Counts delta = after.minus(before);
		assertThat(delta.duplicates()).as("retries that arrived after the view was recorded").isPositive();
		assertThat(delta.recorded()).as("views recorded, at most one per product page")
			.isLessThanOrEqualTo(VIEWS_PER_PHASE);
	}

	private static void viewProducts(RunningSystem system, int first) {
		for (int i = first; i < first + VIEWS_PER_PHASE; i++) {
			Answer page = system.storefront("/api/products/p-%04d?userId=u-views".formatted(i + 1));
			assertThat(page.status()).as("a product page never fails for a view").isEqualTo(200);
		}
	}

	private record Counts(double delivered, double undelivered, double recorded, double duplicates) {

		static Counts of(RunningSystem system) {
			Scrape storefront = new Scrape(system.scrape(Service.STOREFRONT));
			Scrape recommendations = new Scrape(system.scrape(Service.RECOMMENDATIONS));
			return new Counts(storefront.sum("storefront_views_total", "outcome=\"delivered\""),
					storefront.sum("storefront_views_total", "outcome=\"undelivered\""),
					recommendations.sum("recommendations_views_recorded_total", ""),
					recommendations.sum("recommendations_views_duplicates_total", ""));
		}

		Counts minus(Counts other) {
			return new Counts(this.delivered - other.delivered, this.undelivered - other.undelivered,
					this.recorded - other.recorded, this.duplicates - other.duplicates);
		}

		double outcomes() {
			return this.delivered + this.undelivered;
		}

	}

}
