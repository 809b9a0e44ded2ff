package io.designforfailure.storefront.recommendations;

import io.designforfailure.storefront.WireMockTestSupport;
import io.designforfailure.storefront.guard.DependencyFailure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ViewRecorderTests extends WireMockTestSupport {

	@Autowired
	private ViewRecorder views;

	@Test
	void neverRetriesAViewWithoutAnIdempotencyKey() {
		recommendations.stubFor(post(urlPathEqualTo("/api/events/views")).willReturn(status(503)));

		assertThatExceptionOfType(DependencyFailure.class)
			.isThrownBy(() -> this.views.deliver(new ViewEvent("ada", "p-0001"), null));

		assertThat(requestsMatching(recommendations, postRequestedFor(urlPathEqualTo("/api/events/views"))))
			.isEqualTo(1);
	}

	@Test
	void retriesAViewWithAnIdempotencyKey() {
		recommendations.stubFor(post(urlPathEqualTo("/api/events/views")).willReturn(status(503)));

		assertThatExceptionOfType(DependencyFailure.class)
			.isThrownBy(() -> this.views.deliver(new ViewEvent("ada", "p-0001"), "key-1"));

		assertThat(requestsMatching(recommendations, postRequestedFor(urlPathEqualTo("/api/events/views"))))
			.isEqualTo(3);
	}

}
