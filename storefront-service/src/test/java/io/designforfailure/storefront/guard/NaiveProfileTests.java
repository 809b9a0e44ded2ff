package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.WireMockTestSupport;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The naive profile the benchmark compares against really has its guards off. */
@ActiveProfiles("naive")
class NaiveProfileTests extends WireMockTestSupport {

	@Autowired
	private BulkheadRegistry bulkheads;

	@Test
	void triesOnceAndNeverOpensTheBreaker() {
		stubSearch(status(503));

		for (int i = 0; i < 25; i++) {
			fetch("/api/search?q=naive-" + i);
		}

		assertThat(requestsTo(search, SEARCH_PATH)).as("one attempt per call, every call let through").isEqualTo(25);
		assertThat(this.circuitBreakers.circuitBreaker("search").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void hasAnUnboundedBulkhead() {
		assertThat(this.bulkheads.bulkhead("search").getMetrics().getMaxAllowedConcurrentCalls()).isEqualTo(100_000);
	}

}
