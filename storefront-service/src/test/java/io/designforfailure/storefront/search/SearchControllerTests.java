package io.designforfailure.storefront.search;

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

/** Search answers live results while search-service answers. */
class SearchControllerTests extends WireMockTestSupport {

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

}
