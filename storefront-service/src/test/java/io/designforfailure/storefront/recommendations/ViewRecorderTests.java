package io.designforfailure.storefront.recommendations;

import io.designforfailure.storefront.WireMockTestSupport;
import io.designforfailure.storefront.guard.Origin;
import io.designforfailure.storefront.guard.DependencyFailure;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
			.isThrownBy(() -> this.views.deliver(new PendingView(new ViewEvent("ada", "p-0001"), null, Origin.none())));

		assertThat(requestsMatching(recommendations, postRequestedFor(urlPathEqualTo("/api/events/views"))))
			.isEqualTo(1);
	}

	@Test
	void retriesAViewWithAnIdempotencyKey() {
		recommendations.stubFor(post(urlPathEqualTo("/api/events/views")).willReturn(status(503)));

		assertThatExceptionOfType(DependencyFailure.class).isThrownBy(
				() -> this.views.deliver(new PendingView(new ViewEvent("ada", "p-0001"), "key-1", Origin.none())));

		assertThat(requestsMatching(recommendations, postRequestedFor(urlPathEqualTo("/api/events/views"))))
			.isEqualTo(3);
	}

	@Test
	void writesThatKeepFailingOpenTheirOwnBreakerNotTheReads() {
		recommendations.stubFor(post(urlPathEqualTo("/api/events/views"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		stubRecommendations(personalRecommendations("ada"));
		CircuitBreaker writes = this.circuitBreakers.circuitBreaker("recommendations-writes");

		for (int i = 0; i < 40 && writes.getState() == CircuitBreaker.State.CLOSED; i++) {
			String key = "failing-" + i;
			assertThatExceptionOfType(DependencyFailure.class).isThrownBy(
					() -> this.views.deliver(new PendingView(new ViewEvent("ada", "p-0001"), key, Origin.none())));
		}

		assertThat(writes.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.circuitBreakers.circuitBreaker("recommendations").getState())
			.isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(fetch("/api/home?userId=ada").section("recommendations")).isLive();
		assertThat(this.views.details()).extracting("views")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("breaker", "OPEN");
	}

}
