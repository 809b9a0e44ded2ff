package io.designforfailure.storefront.home;

import com.fasterxml.jackson.databind.JsonNode;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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

		ResponseEntity<JsonNode> response = getJson("/api/home?userId=ada");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode section = response.getBody().get("recommendations");
		assertThat(section.get("source").asText()).isEqualTo("live");
		assertThat(section.get("degraded").asBoolean()).isFalse();
		assertThat(section.get("reason").isNull()).isTrue();
		assertThat(section.get("asOf").asText()).isNotBlank();
		assertThat(section.get("items")).hasSize(2);
		assertThat(section.get("items").get(0).get("id").asText()).isEqualTo("p-0015");
		assertThat(section.get("items").get(0).get("price").decimalValue()).isEqualByComparingTo("21.00");
	}

	@Test
	void homeShowsPopularItemsToAnonymousVisitors() {
		recommendations.stubFor(get(urlPathEqualTo(RECOMMENDATIONS_PATH)).withQueryParam("userId", absent())
			.willReturn(popularRecommendations()));

		JsonNode section = getJson("/api/home").getBody().get("recommendations");

		assertThat(section.get("source").asText()).isEqualTo("live");
		assertThat(section.get("items").get(0).get("id").asText()).isEqualTo("p-0070");
	}

}
