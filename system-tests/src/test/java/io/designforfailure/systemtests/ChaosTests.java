package io.designforfailure.systemtests;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dependency is up but poisoned by Chaos Monkey: slow, or failing every call. */
@SystemUnderTest
class ChaosTests {

	/**
	 * Far longer than filling the breaker's window of 10 calls takes, even on a busy
	 * machine.
	 */
	private static final Duration BREAKER_LIMIT = Duration.ofSeconds(30);

	@Test
	void searchAnswersWithinTheBudgetAndItsBreakerOpensWhileSearchTakesTwoSeconds(RunningSystem system) {
		system.latency(Service.SEARCH, 2000);

		Answer first = system.storefront("/api/search?q=hiking%20boots");

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.took()).isLessThan(DependencyOutageTests.ANSWER_LIMIT);
		assertThat(first.section("results").path("degraded").asBoolean()).isTrue();
		// A search-service this slow soon holds more requests than its concurrency limit
		// and
		// sheds the rest at once (503 + Retry-After): overloaded, which is no breaker
		// failure.
		assertThat(first.section("results").path("reason").asText()).isIn("timeout", "circuit-open", "overloaded");
		await("search breaker open").atMost(BREAKER_LIMIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			Answer search = system.storefront("/api/search?q=hiking%20boots");
			assertThat(search.status()).isEqualTo(200);
			assertThat(search.took()).isLessThan(DependencyOutageTests.ANSWER_LIMIT);
			assertThat(system.breakerState(Service.SEARCH)).isEqualTo("OPEN");
		});

		system.chaosOff(Service.SEARCH);
		system.awaitRecovered(Service.SEARCH);
	}

	@Test
	void homeFallsBackAndTheRecommendationsBreakerOpensWhileRecommendationsFails(RunningSystem system) {
		system.exceptions(Service.RECOMMENDATIONS);

		JsonNode first = system.storefront("/api/home?userId=u-1").section("recommendations");

		assertThat(first.path("source").asText()).isEqualTo("fallback");
		assertThat(first.path("reason").asText()).isEqualTo("error");
		assertThat(first.path("items").size()).isPositive();
		await("recommendations breaker open").atMost(BREAKER_LIMIT)
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> {
				JsonNode home = system.storefront("/api/home?userId=u-1").section("recommendations");
				assertThat(home.path("source").asText()).isEqualTo("fallback");
				assertThat(system.breakerState(Service.RECOMMENDATIONS)).isEqualTo("OPEN");
			});
		assertThat(system.storefront("/api/home?userId=u-1").section("recommendations").path("reason").asText())
			.isEqualTo("circuit-open");

		system.chaosOff(Service.RECOMMENDATIONS);
		system.awaitRecovered(Service.RECOMMENDATIONS);
	}

}
