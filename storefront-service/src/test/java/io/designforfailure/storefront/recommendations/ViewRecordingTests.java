package io.designforfailure.storefront.recommendations;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Views are recorded in the background, once each, and never at the product page's
 * expense.
 */
class ViewRecordingTests extends WireMockTestSupport {

	private static final String VIEWS_PATH = "/api/events/views";

	@Autowired
	private ViewRecorder views;

	@Test
	void retriesAViewWithTheSameIdempotencyKey() {
		stubProduct();
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).inScenario("flaky views")
			.whenScenarioStateIs(STARTED)
			.willReturn(status(503))
			.willSetStateTo("failed once"));
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).inScenario("flaky views")
			.whenScenarioStateIs("failed once")
			.willReturn(viewAccepted()));

		fetch("/api/products/p-0001?userId=ada");

		await().atMost(Duration.ofSeconds(5)).until(() -> viewPosts().size() == 2);
		List<LoggedRequest> posts = viewPosts();
		String key = posts.get(0).getHeader("Idempotency-Key");
		assertThat(key).isNotBlank();
		assertThat(posts.get(1).getHeader("Idempotency-Key")).isEqualTo(key);
		assertThat(posts.get(0).getBodyAsString()).contains("\"userId\":\"ada\"").contains("\"productId\":\"p-0001\"");
	}

	@Test
	void keepsAViewThatCannotBeDeliveredForRedelivery() {
		stubProduct();
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).willReturn(status(503)));
		int before = this.views.pending();

		fetch("/api/products/p-0001?userId=ada");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.views.pending() == before + 1);
		assertThat(viewPosts()).hasSize(3);
	}

	@Test
	void holdsNewViewsBackForAsLongAsARefusalAsked() {
		stubProduct();
		recommendations
			.stubFor(post(urlPathEqualTo(VIEWS_PATH)).willReturn(status(503).withHeader("Retry-After", "30")));
		int before = this.views.pending();
		this.views.record("ada", "p-0001");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.views.pending() == before + 1);

		for (int i = 0; i < 5; i++) {
			this.views.record("ada", "p-0001");
		}

		// Every view waits; only the first was sent (and the redelivery's own attempt, if
		// it came meanwhile): without the hold, each would have been refused again.
		await().atMost(Duration.ofSeconds(5)).until(() -> this.views.pending() == before + 6);
		assertThat(viewPosts()).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void answersTheProductPageWhileRecommendationsIsDown() {
		stubProduct();
		recommendations.stubFor(get(urlPathMatching("/api/recommendations/.*"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		recommendations.stubFor(
				post(urlPathEqualTo(VIEWS_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		int before = this.views.pending();

		StorefrontAnswer page = fetch("/api/products/p-0001?userId=ada");

		assertThat(page.status()).isEqualTo(HttpStatus.OK);
		assertThat(page.elapsed()).isLessThan(Duration.ofMillis(1500));
		assertThat(page.section("product")).hasSource("live");
		assertThat(page.section("related")).hasSource("fallback").hasReason("unavailable");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.views.pending() == before + 1);
	}

	private void stubProduct() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0001")).willReturn(okJson("""
				{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
				 "description":"Grippy.","tags":["shoes"]}
				""")));
	}

	private List<LoggedRequest> viewPosts() {
		return recommendations.findAll(postRequestedFor(urlPathEqualTo(VIEWS_PATH)));
	}

}
