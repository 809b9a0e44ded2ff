package io.designforfailure.systemtests;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every product view a user makes is recorded exactly once, whatever happens in between:
 * recommendations-service stopped, killed with {@code kill -9}, its database stopped.
 */
@SystemUnderTest
class NothingLostTests {

	private static final String USER = "u-nothing-lost";

	private int viewed;

	@Test
	void recordsEveryViewExactlyOnceAcrossAStopAKillAndAStoppedDatabase(RunningSystem system) {
		viewProducts(system, 5);

		system.process(Service.RECOMMENDATIONS).stop();
		viewProducts(system, 9);
		system.restart(Service.RECOMMENDATIONS);

		system.kill(Service.RECOMMENDATIONS);
		viewProducts(system, 9);
		system.restart(Service.RECOMMENDATIONS);

		system.stopDatabase();
		viewProducts(system, 9);
		system.startDatabase();

		viewProducts(system, 9);
		assertThat(this.viewed).isEqualTo(41);

		// Counted, not timed: the storefront sends what waits once each dependency
		// answers.
		JsonNode views = await("every view recorded").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> recorded(system),
					(answer) -> answer != null && pending(system) == 0 && answer.path("total").asInt() >= this.viewed);
		assertThat(views.path("total").asInt()).as("views recorded for the user").isEqualTo(this.viewed);
		Set<String> products = new HashSet<>();
		views.path("items").forEach((item) -> products.add(item.path("productId").asText()));
		assertThat(products).as("one view of each product").hasSize(this.viewed);
	}

	private void viewProducts(RunningSystem system, int count) {
		for (int i = 0; i < count; i++) {
			this.viewed++;
			Answer page = system.storefront("/api/products/p-%04d?userId=%s".formatted(this.viewed, USER));
			assertThat(page.status()).as("a product page never fails for a view").isEqualTo(200);
		}
	}

	private static JsonNode recorded(RunningSystem system) {
		Answer answer = system.get(Service.RECOMMENDATIONS, "/api/users/" + USER + "/views?limit=50");
		return (answer.status() == 200) ? answer.body() : null;
	}

	private static double pending(RunningSystem system) {
		return new Scrape(system.scrape(Service.STOREFRONT)).sum("storefront_views_pending", "");
	}

}
