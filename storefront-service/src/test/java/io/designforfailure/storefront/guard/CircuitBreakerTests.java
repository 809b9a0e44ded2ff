package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The breaker opens on failures and on slow calls, fails fast while open and closes again
 * once the dependency is back. The open duration is shortened here to keep the test
 * quick.
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
	void opensWhenSearchAnswersCorrectlyButSlowly() {
		// Over the 200 ms slow-call threshold, under the 250 ms attempt timeout.
		stubSearch(searchResults("slow").withFixedDelay(215));

		for (int i = 0; i < 40 && breaker("search").getState() == CircuitBreaker.State.CLOSED; i++) {
			fetch("/api/search?q=slow-" + i);
		}

		CircuitBreaker.Metrics metrics = breaker("search").getMetrics();
		assertThat(breaker("search").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		// Slow, not failing, opened it. On a busy machine an attempt may pass the 250 ms
		// timeout and count as a slow failure too, so the slow calls are counted whole.
		assertThat(metrics.getNumberOfSlowCalls()).isGreaterThanOrEqualTo(10);
		assertThat(metrics.getSlowCallRate()).isGreaterThanOrEqualTo(50f);
		assertThat(metrics.getFailureRate()).isLessThan(50f);
	}

	private CircuitBreaker breaker(String name) {
		return this.circuitBreakers.circuitBreaker(name);
	}

}
