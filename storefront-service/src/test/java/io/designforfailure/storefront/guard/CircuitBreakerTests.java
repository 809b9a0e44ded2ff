package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The breaker opens on failures, not on answers slower than round 2's 200 ms, fails fast
 * while open and closes again once the dependency is back. The open duration is shortened
 * here to keep the test quick, and search's attempt timeout lengthened to give a slow
 * answer room on a busy machine.
 */
@TestPropertySource(properties = { "resilience4j.circuitbreaker.instances.search.wait-duration-in-open-state=2s",
		"resilience4j.circuitbreaker.instances.recommendations.wait-duration-in-open-state=2s",
		// Room for a busy machine: a 215 ms answer must not pass a 250 ms attempt timeout
		// and fail, which would open the breaker for another reason than the one tested.
		"storefront.search.response-timeout=1s" })
class CircuitBreakerTests extends WireMockTestSupport {

	@Test
	void opensAfterTheFailureThresholdAndThenStopsCallingSearch() {
		stubSearch(status(503));

		for (int i = 0; i < 20 && breaker("search").getState() == CircuitBreaker.State.CLOSED; i++) {
			fetch("/api/search?q=down-" + i);
		}

		assertThat(breaker("search").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		// Judged only once the window holds minimum-number-of-calls (10) attempts.
		assertThat(requestsTo(search, SEARCH_PATH)).isGreaterThanOrEqualTo(10);
		int requestsWhenOpened = requestsTo(search, SEARCH_PATH);
		StorefrontAnswer answer = fetch("/api/search?q=down-again");
		assertThat(requestsTo(search, SEARCH_PATH)).as("no call reaches search").isEqualTo(requestsWhenOpened);
		assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(500));
		assertThat(answer.section("results")).hasReason("circuit-open").hasNoAttempts();
	}

	@Test
	void goesHalfOpenAfterTheOpenDurationAndClosesOnSuccess() {
		stubRecommendations(status(503));
		for (int i = 0; i < 20 && breaker("recommendations").getState() == CircuitBreaker.State.CLOSED; i++) {
			fetch("/api/home?userId=ada");
		}
		assertThat(breaker("recommendations").getState()).isEqualTo(CircuitBreaker.State.OPEN);

		recommendations.resetAll();
		stubRecommendations(personalRecommendations("ada"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> breaker("recommendations").getState() == CircuitBreaker.State.HALF_OPEN);
		for (int i = 0; i < 3; i++) {
			fetch("/api/home?userId=ada");
		}

		assertThat(breaker("recommendations").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(fetch("/api/home?userId=ada").section("recommendations")).isLive();
		StorefrontAnswer report = fetch("/api/resilience");
		String transitions = "$.dependencies.recommendations.transitions";
		assertThat(report).extractingPath(transitions + "[0].to").asString().isEqualTo("CLOSED");
		assertThat(report).extractingPath(transitions + "[1].to").asString().isEqualTo("HALF_OPEN");
		assertThat(report).extractingPath(transitions + "[2].to").asString().isEqualTo("OPEN");
	}

	@Test
	void staysClosedWhileSearchAnswersSlowlyWithinItsAttemptTimeout() {
		// Slower than round 2's 200 ms slow-call threshold, faster than the slow-call
		// threshold, 250 ms: what a busy machine made of a healthy search.
		stubSearch(searchResults("slow").withFixedDelay(215));

		// Eight users at a time, so that the window surely holds its minimum number of
		// calls.
		for (int round = 0; round < 5; round++) {
			int first = round * 8;
			fetchAtOnce(IntStream.range(first, first + 8).mapToObj((i) -> "/api/search?q=slow-" + i).toList());
		}

		CircuitBreaker.Metrics metrics = breaker("search").getMetrics();
		assertThat(breaker("search").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(metrics.getNumberOfBufferedCalls()).isGreaterThanOrEqualTo(10);
		assertThat(metrics.getSlowCallRate()).isLessThan(100f);
	}

	private CircuitBreaker breaker(String name) {
		return this.circuitBreakers.circuitBreaker(name);
	}

}
