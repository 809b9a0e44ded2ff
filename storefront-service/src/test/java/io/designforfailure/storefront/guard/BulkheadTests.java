package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A stalled search fills its own bulkhead, and only its own. */
class BulkheadTests extends WireMockTestSupport {

	@Autowired
	private BulkheadRegistry bulkheads;

	private final List<Bulkhead> held = new ArrayList<>();

	@AfterEach
	void releasePermits() {
		this.held.forEach(Bulkhead::onComplete);
		this.held.clear();
	}

	@Test
	void refusesSearchAtOnceWhenItsBulkheadIsFullWhileHomeStaysFast() {
		stubSearch(searchResults("stalled").withFixedDelay(5_000));
		stubRecommendations(personalRecommendations("ada"));
		Bulkhead searchBulkhead = this.bulkheads.bulkhead("search");
		// Fifty calls stuck on a stalled search hold every permit.
		while (searchBulkhead.tryAcquirePermission()) {
			this.held.add(searchBulkhead);
		}
		assertThat(this.held).hasSize(50);

		StorefrontAnswer searchAnswer = fetch("/api/search?q=stalled");
		StorefrontAnswer home = fetch("/api/home?userId=ada");

		assertThat(searchAnswer.section("results")).hasReason("bulkhead-full").hasNoAttempts();
		assertThat(searchAnswer.elapsed()).isLessThan(Duration.ofMillis(500));
		assertThat(requestsTo(search, SEARCH_PATH)).isZero();
		assertThat(home.section("recommendations")).isLive().hasAttempts("ok");
		assertThat(home.elapsed()).isLessThan(Duration.ofMillis(800));
		assertThat(fetch("/api/resilience")).extractingPath("$.dependencies.search.bulkhead.availableConcurrentCalls")
			.asNumber()
			.isEqualTo(0);
	}

	@Test
	void aFullBulkheadIsNotABreakerFailure() {
		Bulkhead searchBulkhead = this.bulkheads.bulkhead("search");
		while (searchBulkhead.tryAcquirePermission()) {
			this.held.add(searchBulkhead);
		}

		for (int i = 0; i < 15; i++) {
			fetch("/api/search?q=crowded-" + i);
		}

		assertThat(this.circuitBreakers.circuitBreaker("search").getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(this.circuitBreakers.circuitBreaker("search").getState().name()).isEqualTo("CLOSED");
	}

}
