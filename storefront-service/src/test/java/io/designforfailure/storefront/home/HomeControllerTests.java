package io.designforfailure.storefront.home;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page: personal recommendations for a visitor, popular items for anyone else,
 * live.
 */
class HomeControllerTests extends WireMockTestSupport {

	@Test
	void homeShowsPersonalRecommendationsLive() {
		recommendations.stubFor(get(urlPathEqualTo(RECOMMENDATIONS_PATH)).withQueryParam("userId", equalTo("ada"))
			.willReturn(personalRecommendations("ada")));

		StorefrontAnswer home = fetch("/api/home?userId=ada");

		assertThat(home.status()).isEqualTo(HttpStatus.OK);
		assertThat(home.section("recommendations")).isLive().items().hasSize(2);
		assertThat(home.section("recommendations")).extractingPath("asOf").asString().isNotBlank();
		assertThat(home.section("recommendations")).extractingPath("items[0].id").asString().isEqualTo("p-0015");
		assertThat(home.section("recommendations")).extractingPath("items[0].price")
			.convertTo(InstanceOfAssertFactories.BIG_DECIMAL)
			.isEqualByComparingTo("21.00");
	}

	@Test
	void homeShowsPopularItemsToAnonymousVisitors() {
		recommendations.stubFor(get(urlPathEqualTo(RECOMMENDATIONS_PATH)).withQueryParam("userId", absent())
			.willReturn(popularRecommendations()));

		StorefrontAnswer home = fetch("/api/home");

		assertThat(home.section("recommendations")).isLive();
		assertThat(home.section("recommendations")).extractingPath("items[0].id").asString().isEqualTo("p-0070");
	}

}
