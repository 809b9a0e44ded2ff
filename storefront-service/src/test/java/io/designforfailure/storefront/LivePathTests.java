package io.designforfailure.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class LivePathTests extends WireMockTestSupport {

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

	@Test
	void searchShowsLiveResults() {
		search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).withQueryParam("q", equalTo("running shoes"))
			.willReturn(searchResults("running shoes")));

		JsonNode body = getJson("/api/search?q=%20%20running%20shoes%20").getBody();

		assertThat(body.get("query").asText()).isEqualTo("running shoes");
		JsonNode results = body.get("results");
		assertThat(results.get("source").asText()).isEqualTo("live");
		assertThat(results.get("degraded").asBoolean()).isFalse();
		assertThat(results.get("items")).hasSize(2);
		assertThat(results.get("items").get(0).get("score").asDouble()).isEqualTo(3.2);
		assertThat(this.rest.getForObject("/api/search?q=running shoes", String.class)).contains("\"price\":89.90");
	}

	@Test
	void productPageShowsTheProductAndRelatedItemsLive() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0001")).willReturn(okJson("""
				{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
				 "description":"Grippy.","tags":["shoes","trail"]}
				""")));
		recommendations.stubFor(get(urlPathEqualTo("/api/recommendations/products/p-0001")).willReturn(okJson("""
				{"productId":"p-0001","strategy":"also-viewed","items":[
				 {"id":"p-0015","name":"Trail Gaiters","category":"running","price":21.00}]}
				""")));

		JsonNode body = getJson("/api/products/p-0001").getBody();

		JsonNode product = body.get("product");
		assertThat(product.get("source").asText()).isEqualTo("live");
		assertThat(product.get("items").get(0).get("description").asText()).isEqualTo("Grippy.");
		assertThat(product.get("items").get(0).get("tags")).hasSize(2);
		JsonNode related = body.get("related");
		assertThat(related.get("source").asText()).isEqualTo("live");
		assertThat(related.get("items").get(0).get("id").asText()).isEqualTo("p-0015");
	}

	@Test
	void resilienceReportShowsEveryGuardOfBothDependencies() {
		JsonNode dependencies = getJson("/api/resilience").getBody().get("dependencies");

		for (String name : new String[] { "recommendations", "search" }) {
			JsonNode dependency = dependencies.get(name);
			assertThat(dependency.get("circuitBreaker").get("state").asText()).isEqualTo("CLOSED");
			assertThat(dependency.get("bulkhead").get("availableConcurrentCalls").asInt()).isEqualTo(20);
			assertThat(dependency.get("retry").has("failedWithRetry")).isTrue();
			assertThat(dependency.has("cacheSize")).isTrue();
			assertThat(dependency.get("transitions").isArray()).isTrue();
		}
	}

}
