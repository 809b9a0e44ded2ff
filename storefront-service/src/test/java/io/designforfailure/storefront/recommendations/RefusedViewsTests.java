package io.designforfailure.storefront.recommendations;

import io.designforfailure.storefront.WireMockTestSupport;
import io.designforfailure.storefront.guard.Origin;
import io.designforfailure.storefront.guard.DependencyFailure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * recommendations-service with its database down refuses views (503 with Retry-After) and
 * still answers reads from memory: the refused writes must not make the adaptive throttle
 * hold back the reads. The same context as {@code OverloadTests}, throttling on.
 */
@TestPropertySource(properties = { "storefront.guards.retry-budget.min-retries-per-second=0",
		"storefront.guards.throttling.enabled=true" })
class RefusedViewsTests extends WireMockTestSupport {

	@Autowired
	private ViewRecorder views;

	@Autowired
	private MeterRegistry meters;

	@Test
	void viewsRefusedWhileTheDatabaseIsDownDoNotHoldBackReads() {
		recommendations
			.stubFor(post(urlPathEqualTo("/api/events/views")).willReturn(status(503).withHeader("Retry-After", "2")));
		stubRecommendations(personalRecommendations("ada"));
		// A backlog of views being redelivered: many more writes than reads.
		for (int i = 0; i < 100; i++) {
			String key = "refused-" + i;
			assertThatExceptionOfType(DependencyFailure.class).isThrownBy(
					() -> this.views.deliver(new PendingView(new ViewEvent("ada", "p-0001"), key, Origin.none())));
		}

		for (int i = 0; i < 20; i++) {
			assertThat(fetch("/api/home?userId=ada").section("recommendations")).isLive();
		}
		assertThat(this.meters.get("storefront.throttled").tag("dependency", "recommendations").counter().count())
			.isZero();
	}

}
