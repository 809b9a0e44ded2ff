package io.designforfailure.storefront.recommendations;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.designforfailure.storefront.WireMockTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A view recommendations-service could not take is sent again, with its first key, once
 * it answers: over real HTTP, with the redelivery running in the background as it does in
 * production (only its pauses shortened).
 */
@TestPropertySource(properties = { "storefront.recommendations.views.first-retry=200ms",
		"storefront.recommendations.views.max-retry=400ms" })
class ViewRecorderRedeliveryTests extends WireMockTestSupport {

	private static final String VIEWS_PATH = "/api/events/views";

	@Autowired
	private ViewRecorder views;

	@Autowired
	private MeterRegistry meters;

	@Test
	void sendsAKeptViewAgainWithItsKeyOnceRecommendationsAnswers() {
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).willReturn(status(503)));
		int before = this.views.pending();
		double redelivered = redelivered();

		this.views.record("ada", "p-0001");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.views.pending() == before + 1);
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).willReturn(aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":\"accepted\"}")));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.views.pending() == before);
		List<LoggedRequest> posts = recommendations.findAll(postRequestedFor(urlPathEqualTo(VIEWS_PATH)));
		assertThat(posts).hasSizeGreaterThan(3)
			.extracting((post) -> post.getHeader("Idempotency-Key"))
			.containsOnly(posts.get(0).getHeader("Idempotency-Key"));
		assertThat(redelivered()).isEqualTo(redelivered + 1);
	}

	private double redelivered() {
		return this.meters.get("storefront.views").tag("outcome", "redelivered").counter().count();
	}

}
