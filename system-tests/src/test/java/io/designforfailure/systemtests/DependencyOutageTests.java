package io.designforfailure.systemtests;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dependency's process dies, and comes back. */
@SystemUnderTest
class DependencyOutageTests {

	/** The 1 s budget plus the storefront's own work, with room for a busy machine. */
	static final Duration ANSWER_LIMIT = Duration.ofMillis(1500);

	@Test
	void homeServesTheGenericListWhileRecommendationsIsDownAndLiveItemsOnceItIsBack(RunningSystem system) {
		system.kill(Service.RECOMMENDATIONS);

		Answer home = system.storefront("/api/home?userId=u-1");

		assertThat(home.status()).isEqualTo(200);
		assertThat(home.took()).isLessThan(ANSWER_LIMIT);
		JsonNode recommendations = home.section("recommendations");
		assertThat(recommendations.path("source").asText()).isEqualTo("fallback");
		assertThat(recommendations.path("degraded").asBoolean()).isTrue();
		assertThat(recommendations.path("reason").asText()).isIn("unavailable", "circuit-open");
		assertThat(recommendations.path("items").size()).isPositive();

		system.restart(Service.RECOMMENDATIONS);
		system.awaitRecovered(Service.RECOMMENDATIONS);
	}

	@Test
	void searchServesSeenQueriesFromCacheWithTheirOriginalAsOfWhileSearchIsDown(RunningSystem system) {
		JsonNode seen = system.storefront("/api/search?q=running%20shoes").section("results");
		assertThat(seen.path("source").asText()).isEqualTo("live");
		system.kill(Service.SEARCH);

		JsonNode cached = system.storefront("/api/search?q=%20%20Running%20%20SHOES%20").section("results");
		Answer unseen = system.storefront("/api/search?q=never%20searched%20before");

		assertThat(cached.path("source").asText()).isEqualTo("cache");
		assertThat(cached.path("degraded").asBoolean()).isTrue();
		assertThat(cached.path("asOf")).isEqualTo(seen.path("asOf"));
		assertThat(cached.path("items")).isEqualTo(seen.path("items"));
		assertThat(unseen.status()).isEqualTo(200);
		assertThat(unseen.took()).isLessThan(ANSWER_LIMIT);
		assertThat(unseen.section("results").path("source").asText()).isEqualTo("fallback");
		assertThat(unseen.section("results").path("items").isEmpty()).isTrue();
		assertThat(unseen.section("results").path("reason").asText()).isIn("unavailable", "circuit-open");

		system.restart(Service.SEARCH);
		await("live search").atMost(RunningSystem.RECOVERY_LIMIT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> "live"
				.equals(system.storefront("/api/search?q=running%20shoes").section("results").path("source").asText()));
	}

}
