package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries cure transient faults, within the budget, and leave everything else alone. */
class RetryTests extends WireMockTestSupport {

	@Test
	void triesThreeTimesThenFallsBackWhenSearchKeepsAnswering503() {
		stubSearch(status(503));
		long failedWithRetry = searchCallsFailedWithRetry();

		StorefrontAnswer answer = fetch("/api/search?q=unlucky");

		assertThat(requestsTo(search, SEARCH_PATH)).isEqualTo(3);
		assertThat(answer.section("results")).isDegraded("fallback", "error").hasAttempts("error", "error", "error");
		assertThat(searchCallsFailedWithRetry()).isEqualTo(failedWithRetry + 1);
	}

	@Test
	void answersLiveWhenTheThirdAttemptSucceeds() {
		stubSearchFailingTwiceThenAnswering("third time lucky");

		StorefrontAnswer answer = fetch("/api/search?q=third%20time%20lucky");

		assertThat(requestsTo(search, SEARCH_PATH)).isEqualTo(3);
		assertThat(answer.section("results")).isLive().hasAttempts("error", "error", "ok").items().hasSize(2);
	}

	@Test
	void neverRetriesA404AndTheBreakerDoesNotCountIt() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0404")).willReturn(status(404)));
		CircuitBreaker.Metrics before = this.circuitBreakers.circuitBreaker("search").getMetrics();
		int bufferedBefore = before.getNumberOfBufferedCalls();

		int status = fetch("/api/products/p-0404").status().value();

		assertThat(status).isEqualTo(404);
		assertThat(requestsTo(search, "/api/products/p-0404")).isEqualTo(1);
		CircuitBreaker.Metrics after = this.circuitBreakers.circuitBreaker("search").getMetrics();
		assertThat(after.getNumberOfFailedCalls()).isZero();
		assertThat(after.getNumberOfBufferedCalls()).isEqualTo(bufferedBefore);
	}

	@Test
	void neverRetriesA400AndTheBreakerDoesNotCountIt() {
		stubSearch(status(400));

		StorefrontAnswer answer = fetch("/api/search?q=refused");

		assertThat(requestsTo(search, SEARCH_PATH)).isEqualTo(1);
		assertThat(answer.section("results")).hasSource("fallback");
		assertThat(this.circuitBreakers.circuitBreaker("search").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void waitsWhatRetryAfterAsksWhenItFitsTheBudget() {
		search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).inScenario("busy")
			.whenScenarioStateIs(STARTED)
			.willReturn(status(429).withHeader("Retry-After", "0"))
			.willSetStateTo("free"));
		search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).inScenario("busy")
			.whenScenarioStateIs("free")
			.willReturn(searchResults("patience")));

		StorefrontAnswer answer = fetch("/api/search?q=patience");

		assertThat(requestsTo(search, SEARCH_PATH)).isEqualTo(2);
		assertThat(answer.section("results")).isLive().hasAttempts("overloaded", "ok");
	}

	@Test
	void givesUpAtOnceWhenRetryAfterDoesNotFitTheBudget() {
		stubSearch(status(503).withHeader("Retry-After", "5"));

		StorefrontAnswer answer = fetch("/api/search?q=come%20back%20later");

		assertThat(requestsTo(search, SEARCH_PATH)).isEqualTo(1);
		assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(900));
		assertThat(answer.section("results")).isDegraded("fallback", "overloaded").hasAttempts("overloaded");
	}

	@Test
	void neverRetriesA429WithoutRetryAfter() {
		stubSearch(status(429));

		fetch("/api/search?q=slow%20down");

		assertThat(requestsTo(search, SEARCH_PATH)).isEqualTo(1);
	}

	@Test
	void boundsAHangingSearchByTheBudgetAcrossAllAttempts() {
		stubSearch(searchResults("slow").withFixedDelay(5_000));
		long failedWithRetry = searchCallsFailedWithRetry();

		StorefrontAnswer answer = fetch("/api/search?q=slow");

		// Three attempts cut at 250 ms and two backoffs fit in the 1 s budget.
		assertThat(requestsTo(search, SEARCH_PATH)).isEqualTo(3);
		assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(1500));
		assertThat(answer.section("results")).hasReason("timeout").hasAttempts("timeout", "timeout", "timeout");
		assertThat(searchCallsFailedWithRetry()).isEqualTo(failedWithRetry + 1);
	}

	@Test
	void backsOffExponentiallyWithJitterBetweenAttempts() {
		stubSearch(status(503));
		List<Long> firstGaps = new ArrayList<>();
		List<Long> secondGaps = new ArrayList<>();

		for (int call = 0; call < 10; call++) {
			search.resetRequests();
			fetch("/api/search?q=backoff-" + call);
			List<Long> times = search.getAllServeEvents()
				.stream()
				.map((event) -> event.getRequest().getLoggedDate().getTime())
				.sorted(Comparator.naturalOrder())
				.toList();
			assertThat(times).hasSize(3);
			firstGaps.add(times.get(1) - times.get(0));
			secondGaps.add(times.get(2) - times.get(1));
			this.circuitBreakers.circuitBreaker("search").reset();
		}

		// Configured: 50 ms then 100 ms, each randomized by +-50 %, capped at 200 ms (the
		// cap itself is
		// checked in BackoffTests). Bounds are generous and the comparison uses medians,
		// so a busy machine
		// that delays one request cannot fail the test.
		assertThat(median(secondGaps)).isGreaterThan(median(firstGaps));
		assertThat(firstGaps.stream().distinct().count()).as("jittered, not identical").isGreaterThan(1);
		assertThat(firstGaps).allSatisfy((gap) -> assertThat(gap).isBetween(20L, 500L));
		assertThat(secondGaps).allSatisfy((gap) -> assertThat(gap).isBetween(45L, 600L));
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private long searchCallsFailedWithRetry() {
		Number failed = fetch("/api/resilience").read("$.dependencies.search.retry.failedWithRetry");
		return failed.longValue();
	}

	@Test
	void tellsTheDependencyHowLongEachAttemptWillStillBeAwaited() {
		stubSearch(status(503));

		fetch("/api/search?q=deadline");

		List<ServeEvent> attempts = search.getAllServeEvents()
			.stream()
			.sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
			.toList();
		// Three when the machine is quick; a slow one may leave no room in the budget for
		// the third, which the budget tests cover. Every attempt that is made says so.
		assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
		long first = attempts.get(0).getRequest().getLoggedDate().getTime();
		for (ServeEvent attempt : attempts) {
			long hint = Long.parseLong(attempt.getRequest().getHeader("X-Request-Timeout-Ms"));
			long sentAfter = attempt.getRequest().getLoggedDate().getTime() - first;
			assertThat(hint).isPositive().isLessThanOrEqualTo(250);
			// Never more than the call's budget still allows.
			assertThat(sentAfter + hint).isLessThanOrEqualTo(1_000 + 20);
		}
	}

}
