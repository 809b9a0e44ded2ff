package io.designforfailure.storefront.search;

import io.designforfailure.storefront.MovableTicker;
import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.http.Fault;
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
		StorefrontAnswer live = fetch("/api/search?q=tent");
		assertThat(live.section("results")).isLive();

		search.resetAll();
		stubSearch(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		StorefrontAnswer cached = fetch("/api/search?q=%20%20TENT%20");

		assertThat(cached.section("results")).isDegraded("cache", "unavailable");
		assertThat(cached).extractingPath("$.results.asOf").isEqualTo(live.read("$.results.asOf"));
		assertThat(cached).extractingPath("$.results.items").isEqualTo(live.read("$.results.items"));
	}

	@Test
	void servesAnEmptyFallbackForAQueryNeverSeen() {
		stubSearch(status(503));

		StorefrontAnswer answer = fetch("/api/search?q=never%20asked%20before");

		assertThat(answer.section("results")).isDegraded("fallback", "error").items().isEmpty();
	}

	@Test
	void servesACachedProductWhenSearchFails() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0021")).willReturn(okJson("""
				{"id":"p-0021","name":"Two-Person Backpacking Tent","category":"outdoor","price":249.00,
				 "description":"Freestanding.","tags":["tent"]}
				""")));
		fetch("/api/products/p-0021");
		search.resetAll();
		search.stubFor(get(urlPathEqualTo("/api/products/p-0021")).willReturn(status(503)));

		StorefrontAnswer page = fetch("/api/products/p-0021");

		assertThat(page.section("product")).hasSource("cache");
		assertThat(page.section("product")).extractingPath("items[0].name")
			.asString()
			.isEqualTo("Two-Person Backpacking Tent");
	}

	@Test
	void keepsNoMoreEntriesThanItsBound() {
		LastGoodAnswers<String> answers = new LastGoodAnswers<>(100, Duration.ofHours(1), Ticker.systemTicker());

		for (int i = 0; i < 1_000; i++) {
			answers.put("query " + i, "results " + i, Instant.now());
		}

		assertThat(answers.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void forgetsAnEntryAfterItsTimeToLive() {
		MovableTicker ticker = new MovableTicker();
		LastGoodAnswers<String> answers = new LastGoodAnswers<>(100, Duration.ofMinutes(10), ticker);
		answers.put("tent", "results", Instant.now());

		ticker.advance(Duration.ofMinutes(9));
		assertThat(answers.get("tent")).isPresent();

		ticker.advance(Duration.ofMinutes(2));
		assertThat(answers.get("tent")).isEmpty();
	}

}
