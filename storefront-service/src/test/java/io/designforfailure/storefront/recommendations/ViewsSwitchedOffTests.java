package io.designforfailure.storefront.recommendations;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code storefront.recommendations.views.enabled=false}: the product page answers as
 * always and sends no view; the benchmark compares a product page with and without it.
 */
@TestPropertySource(properties = "storefront.recommendations.views.enabled=false")
class ViewsSwitchedOffTests extends WireMockTestSupport {

	private static final String VIEWS_PATH = "/api/events/views";

	@Test
	void answersTheProductPageWithoutSendingAView() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0001")).willReturn(okJson("""
				{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
				 "description":"Grippy.","tags":["shoes"]}
				""")));
		recommendations.stubFor(get(urlPathEqualTo("/api/recommendations/products/p-0001")).willReturn(okJson("""
				{"productId":"p-0001","strategy":"also-viewed","items":[
				 {"id":"p-0015","name":"Trail Gaiters","category":"running","price":21.00}]}
				""")));
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).willReturn(status(202)));

		StorefrontAnswer page = fetch("/api/products/p-0001?userId=ada");

		assertThat(page.status()).isEqualTo(HttpStatus.OK);
		assertThat(page.section("product")).isLive();
		assertThat(page.section("related")).isLive();
		// A view is sent within milliseconds when recording is on (ViewRecordingTests).
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> requestsMatching(recommendations, postRequestedFor(urlPathEqualTo(VIEWS_PATH))) == 0);
	}

}
