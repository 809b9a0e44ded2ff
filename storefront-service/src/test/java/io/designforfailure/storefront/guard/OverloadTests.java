package io.designforfailure.storefront.guard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.designforfailure.storefront.SectionAssert;

import io.designforfailure.storefront.WireMockTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload is not failure: a dependency shedding load is neither retried nor counted
 * against it, the storefront holds calls back while it sheds, and a retry budget keeps
 * retries from multiplying its load. The retry budget's floor is off here, so that a few
 * hundred test calls show its ratio.
 */
@TestPropertySource(properties = { "storefront.guards.retry-budget.min-retries-per-second=0",
		"storefront.guards.throttling.enabled=true" })
class OverloadTests extends WireMockTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	void aShedAnswerIsOverloadedNotRetriedAndNotABreakerFailure() {
		stubSearch(status(503).withHeader("Retry-After", "1"));

		assertThat(fetch("/api/search?q=busy").section("results")).isDegraded("fallback", "overloaded");
		assertThat(requestsTo(search, SEARCH_PATH)).as("Retry-After: 1 does not fit the 1 s budget").isEqualTo(1);
		assertThat(searchBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void aTooManyRequestsAnswerIsOverloaded() {
		stubSearch(status(429));

		assertThat(fetch("/api/search?q=slow%20down").section("results")).hasReason("overloaded");
		assertThat(searchBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void sparesADependencyThatShedsEverythingWhileItsBreakerStaysClosed() {
		stubSearch(status(503).withHeader("Retry-After", "1"));

		int heldBack = 0;
		for (int i = 0; i < 100; i++) {
			SectionAssert results = assertThat(fetch("/api/search?q=crowd-" + i).section("results"))
				.hasReason("overloaded");
			heldBack += results.attemptOutcomes().isEmpty() ? 1 : 0;
		}

		// Without throttling each of the 100 searches would reach search-service.
		assertThat(requestsTo(search, SEARCH_PATH)).isLessThan(30);
		// A search held back tells no attempt; one let through tells the one it made.
		assertThat(heldBack).isEqualTo(100 - requestsTo(search, SEARCH_PATH));
		assertThat(searchBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.meters.get("storefront.throttled").tag("dependency", "search").counter().count())
			.isGreaterThan(70);
	}

	@Test
	void keepsRetriesWithinTheBudgetWhenOneCallInFiveFails() {
		failEveryFifthSearch();
		int searches = 300;

		Set<List<String>> stories = new HashSet<>();
		for (int i = 0; i < searches; i++) {
			stories.add(assertThat(fetch("/api/search?q=storm-" + i).section("results")).attemptOutcomes());
		}

		// Three attempts per call would cost 1.24 requests per search at 20 % failures.
		double perSearch = (double) requestsTo(search, SEARCH_PATH) / searches;
		assertThat(perSearch).isGreaterThan(1.0).isLessThanOrEqualTo(1.15);
		assertThat(this.meters.get("storefront.retry.budget.exhausted").tag("dependency", "search").counter().count())
			.isPositive();
		// A 503 retried while the budget lasted, and one the spent budget left as it was.
		assertThat(stories).contains(List.of("ok"), List.of("error", "ok"), List.of("error"));
	}

	private CircuitBreaker searchBreaker() {
		return this.circuitBreakers.circuitBreaker("search");
	}

	/** Answers 503 to every fifth request, whoever sends it, and results to the rest. */
	private static void failEveryFifthSearch() {
		for (int i = 0; i < 5; i++) {
			String state = (i == 0) ? STARTED : "after-" + i;
			String next = (i == 4) ? STARTED : "after-" + (i + 1);
			search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).inScenario("one in five")
				.whenScenarioStateIs(state)
				.willReturn((i == 4) ? status(503) : searchResults("storm"))
				.willSetStateTo(next));
		}
	}

}
