package io.designforfailure.systemtests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SystemUnderTest
class HealthySystemTests {

	@Test
	void everySectionIsLiveWhenBothDependenciesAreUp(RunningSystem system) {
		Answer home = system.storefront("/api/home?userId=u-1");
		Answer search = system.storefront("/api/search?q=running%20shoes");
		Answer product = system.storefront("/api/products/p-0001?userId=u-1");

		assertThat(home.status()).isEqualTo(200);
		assertLive(home, "recommendations");
		assertThat(search.status()).isEqualTo(200);
		assertLive(search, "results");
		assertThat(product.status()).isEqualTo(200);
		assertLive(product, "product");
		assertLive(product, "related");
		assertThat(product.section("product").path("items").path(0).path("name").asText())
			.isEqualTo("Trail Running Shoes");
	}

	private static void assertLive(Answer answer, String section) {
		assertThat(answer.section(section).path("source").asText()).as(section + " in " + answer.body())
			.isEqualTo("live");
		assertThat(answer.section(section).path("degraded").asBoolean()).isFalse();
		assertThat(answer.section(section).path("reason").isNull()).isTrue();
		assertThat(answer.section(section).path("items").size()).isPositive();
	}

}
