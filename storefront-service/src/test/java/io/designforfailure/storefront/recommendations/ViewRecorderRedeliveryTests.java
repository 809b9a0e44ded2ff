package io.designforfailure.storefront.recommendations;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.designforfailure.storefront.WireMockTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
		double redelivered = redelivered();

		List<LoggedRequest> posts = keptThenTaken(() -> this.views.record("ada", "p-0001"));

		assertThat(posts).hasSizeGreaterThan(3)
			.extracting((post) -> post.getHeader("Idempotency-Key"))
			.containsOnly(posts.get(0).getHeader("Idempotency-Key"));
		assertThat(redelivered()).isEqualTo(redelivered + 1);
	}

	@Test
	void aViewSentAgainLaterStillShowsInTheTraceOfThePageThatRecordedIt() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0002")).willReturn(status(503)));
		AtomicReference<String> traceId = new AtomicReference<>();

		List<LoggedRequest> posts = keptThenTaken(
				() -> traceId.set(fetch("/api/products/p-0002?userId=ada").traceId()));

		// The first delivery's attempts, and at least one redelivery after them.
		assertThat(posts).hasSizeGreaterThan(3)
			.extracting((post) -> post.getHeader("traceparent"))
			.allSatisfy((traceparent) -> assertThat(traceparent).matches("00-" + traceId.get() + "-[0-9a-f]{16}-01"));
	}

	/**
	 * Refuses views while {@code recordOne} records one, until it waits for redelivery;
	 * then takes them.
	 * @return every view request recommendations-service got
	 */
	private List<LoggedRequest> keptThenTaken(Runnable recordOne) {
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).willReturn(status(503)));
		int before = this.views.pending();
		recordOne.run();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.views.pending() == before + 1);
		recommendations.stubFor(post(urlPathEqualTo(VIEWS_PATH)).willReturn(viewAccepted()));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.views.pending() == before);
		return recommendations.findAll(postRequestedFor(urlPathEqualTo(VIEWS_PATH)));
	}

	private double redelivered() {
		return this.meters.get("storefront.views").tag("outcome", "redelivered").counter().count();
	}

}
