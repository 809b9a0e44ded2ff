package io.designforfailure.storefront.product;

import java.time.Duration;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A product page shows the product and its related items, live, in one trace. */
class ProductControllerTests extends WireMockTestSupport {

	private static final String VIEWS_PATH = "/api/events/views";

	@Test
	void productPageShowsTheProductAndRelatedItemsLive() {
		stubProductAndRelatedItems();

		StorefrontAnswer page = fetch("/api/products/p-0001");

		assertThat(page.section("product")).isLive();
		assertThat(page.section("product")).extractingPath("items[0].description").asString().isEqualTo("Grippy.");
		assertThat(page.section("product")).extractingPath("items[0].tags").asArray().hasSize(2);
		assertThat(page.section("related")).isLive();
		assertThat(page.section("related")).extractingPath("items[0].id").asString().isEqualTo("p-0015");
	}

	@Test
	void theWholePageIsOneTraceOnEveryThreadThatWorksForIt() {
		stubProductAndRelatedItems();
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).willReturn(viewAccepted()));

		StorefrontAnswer page = fetch("/api/products/p-0001");

		String traceparent = "00-" + page.traceId() + "-[0-9a-f]{16}-01";
		// The product on the request thread, the related items on the bulkhead's.
		assertThat(search.getAllServeEvents()).singleElement()
			.extracting((event) -> event.getRequest().getHeader("traceparent"))
			.asString()
			.matches(traceparent);
		assertThat(recommendations.findAll(getRequestedFor(urlPathEqualTo("/api/recommendations/products/p-0001"))))
			.singleElement()
			.extracting((request) -> request.getHeader("traceparent"))
			.asString()
			.matches(traceparent);
		assertThat(page.headers().getFirst("Server-Timing"))
			.matches("recommendations;dur=\\d+;desc=\"1 attempt\", search;dur=\\d+;desc=\"1 attempt\"");
		// The view, sent after the answer by the views' own pool.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !recommendations.findAll(postRequestedFor(urlPathEqualTo(VIEWS_PATH))).isEmpty());
		assertThat(recommendations.findAll(postRequestedFor(urlPathEqualTo(VIEWS_PATH)))).singleElement()
			.extracting((request) -> request.getHeader("traceparent"))
			.asString()
			.matches(traceparent);
	}

	private static void stubProductAndRelatedItems() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0001")).willReturn(okJson("""
				{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
				 "description":"Grippy.","tags":["shoes","trail"]}
				""")));
		recommendations.stubFor(get(urlPathEqualTo("/api/recommendations/products/p-0001")).willReturn(okJson("""
				{"productId":"p-0001","strategy":"also-viewed","items":[
				 {"id":"p-0015","name":"Trail Gaiters","category":"running","price":21.00}]}
				""")));
	}

}
