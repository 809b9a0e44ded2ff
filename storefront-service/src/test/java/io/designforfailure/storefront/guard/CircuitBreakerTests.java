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
 * The breaker opens on failures, not on answers that come within the attempt timeout,
 * fails fast while open and closes again once the dependency is back. The open duration
 * is shortened here to keep the test quick.
 */
@TestPropertySource(properties = { "resilience4j.circuitbreaker.instances.search.wait-duration-in-open-state=2s",
		"resilience4j.circuitbreaker.instances.recommendations.wait-duration-in-open-state=2s" })
class CircuitBreakerTests extends WireMockTestSupport {

	@Test
	void opensAfterTheFailureThresholdAndThenStopsCallingSearch() {
		stubSearch(status(503));

		for (int i = 0; i < 20 && breaker("search").getState() == CircuitBreaker.State.CLOSED; i++) {
			fetch("/api/search?q=down-" + i);
		}

		assertThat(breaker("search").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		// Judged only once the window holds minimum-number-of-calls (20) attempts.
		assertThat(requestsTo(search, SEARCH_PATH)).isGreaterThanOrEqualTo(20);
		int requestsWhenOpened = requestsTo(search, SEARCH_PATH);
		StorefrontAnswer answer = fetch("/api/search?q=down-again");
		assertThat(requestsTo(search, SEARCH_PATH)).as("no call reaches search").isEqualTo(requestsWhenOpened);
		assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(500));
		assertThat(answer.section("results")).hasReason("circuit-open");
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
		// Slower than round 2's 200 ms slow-call threshold, within the 250 ms attempt
		// timeout: what a busy machine made of a healthy search.
		stubSearch(searchResults("slow").withFixedDelay(215));

		// Eight users at a time, so that the window holds its minimum number of calls.
		for (int round = 0; round < 5; round++) {
			int first = round * 8;
			fetchAtOnce(IntStream.range(first, first + 8).mapToObj((i) -> "/api/search?q=slow-" + i).toList());
		}

		CircuitBreaker.Metrics metrics = breaker("search").getMetrics();
		assertThat(breaker("search").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		// On a busy machine an attempt may pass the timeout, and then it fails; the rest
		// are answers, not slow calls.
		assertThat(metrics.getNumberOfBufferedCalls()).isGreaterThanOrEqualTo(20);
		assertThat(metrics.getSlowCallRate()).isLessThan(100f);
	}

	private CircuitBreaker breaker(String name) {
		return this.circuitBreakers.circuitBreaker(name);
	}

}
