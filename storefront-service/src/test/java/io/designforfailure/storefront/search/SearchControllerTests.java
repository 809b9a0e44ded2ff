package io.designforfailure.storefront.search;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Search answers live results while search-service answers. */
class SearchControllerTests extends WireMockTestSupport {

	@Test
	void searchShowsLiveResults() {
		search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).withQueryParam("q", equalTo("running shoes"))
			.willReturn(searchResults("running shoes")));

		StorefrontAnswer answer = fetch("/api/search?q=%20%20running%20shoes%20");

		assertThat(answer).extractingPath("$.query").asString().isEqualTo("running shoes");
		assertThat(answer.section("results")).isLive().items().hasSize(2);
		assertThat(answer.section("results")).extractingPath("items[0].score").asNumber().isEqualTo(3.2);
		assertThat(this.rest.getForObject("/api/search?q=running shoes", String.class)).contains("\"price\":89.90");
	}

}
