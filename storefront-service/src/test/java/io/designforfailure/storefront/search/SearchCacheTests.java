package io.designforfailure.storefront.search;

import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.designforfailure.storefront.guard.LastGoodAnswers;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When search fails, the last good results for the same question, marked with their age.
 */
class SearchCacheTests extends WireMockTestSupport {

	@Test
	void servesCachedResultsWithTheirOriginalAsOfWhenSearchFails() {
		stubSearch(searchResults("tent"));
		JsonNode live = getJson("/api/search?q=tent").getBody().get("results");
		assertThat(live.get("source").asText()).isEqualTo("live");

		search.resetAll();
		stubSearch(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER));
		JsonNode cached = getJson("/api/search?q=%20%20TENT%20").getBody().get("results");

		assertThat(cached.get("source").asText()).isEqualTo("cache");
		assertThat(cached.get("degraded").asBoolean()).isTrue();
		assertThat(cached.get("reason").asText()).isEqualTo("unavailable");
		assertThat(cached.get("asOf").asText()).isEqualTo(live.get("asOf").asText());
		assertThat(cached.get("items")).isEqualTo(live.get("items"));
	}

	@Test
	void servesAnEmptyFallbackForAQueryNeverSeen() {
		stubSearch(status(503));

		JsonNode results = getJson("/api/search?q=never%20asked%20before").getBody().get("results");

		assertThat(results.get("source").asText()).isEqualTo("fallback");
		assertThat(results.get("items")).isEmpty();
		assertThat(results.get("reason").asText()).isEqualTo("error");
	}

	@Test
	void servesACachedProductWhenSearchFails() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0021")).willReturn(okJson("""
				{"id":"p-0021","name":"Two-Person Backpacking Tent","category":"outdoor","price":249.00,
				 "description":"Freestanding.","tags":["tent"]}
				""")));
		getJson("/api/products/p-0021");
		search.resetAll();
		search.stubFor(get(urlPathEqualTo("/api/products/p-0021")).willReturn(status(503)));

		JsonNode product = getJson("/api/products/p-0021").getBody().get("product");

		assertThat(product.get("source").asText()).isEqualTo("cache");
		assertThat(product.get("items").get(0).get("name").asText()).isEqualTo("Two-Person Backpacking Tent");
	}

	@Test
	void keepsNoMoreEntriesThanItsBound() {
		LastGoodAnswers<String> answers = new LastGoodAnswers<>(100, Duration.ofHours(1));

		for (int i = 0; i < 1_000; i++) {
			answers.put("query " + i, "results " + i, Instant.now());
		}

		assertThat(answers.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void forgetsAnEntryAfterItsTimeToLive() throws InterruptedException {
		LastGoodAnswers<String> answers = new LastGoodAnswers<>(100, Duration.ofMillis(50));
		answers.put("tent", "results", Instant.now());

		Thread.sleep(120);

		assertThat(answers.get("tent")).isEmpty();
	}

}
