package io.designforfailure.storefront.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The resilience report shows the state of every guard of every dependency. */
class ResilienceControllerTests extends WireMockTestSupport {

	@Test
	void resilienceReportShowsEveryGuardOfBothDependencies() {
		JsonNode dependencies = getJson("/api/resilience").getBody().get("dependencies");

		for (String name : new String[] { "recommendations", "search" }) {
			JsonNode dependency = dependencies.get(name);
			assertThat(dependency.get("circuitBreaker").get("state").asText()).isEqualTo("CLOSED");
			assertThat(dependency.get("bulkhead").get("availableConcurrentCalls").asInt()).isEqualTo(20);
			assertThat(dependency.get("retry").has("failedWithRetry")).isTrue();
			assertThat(dependency.get("details").has("cacheSize")).isTrue();
			assertThat(dependency.get("overload").has("retryBudgetLeft")).isTrue();
			assertThat(dependency.get("transitions").isArray()).isTrue();
		}
	}

}
