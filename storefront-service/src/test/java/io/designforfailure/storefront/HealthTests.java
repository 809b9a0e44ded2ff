package io.designforfailure.storefront;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront stays healthy while its dependencies fail, and shows only the actuator
 * endpoints it documents.
 */
class HealthTests extends WireMockTestSupport {

	@Test
	void healthStaysUpWithBothBreakersOpen() {
		this.circuitBreakers.circuitBreaker("recommendations").transitionToOpenState();
		this.circuitBreakers.circuitBreaker("search").transitionToOpenState();

		StorefrontAnswer health = fetch("/actuator/health");

		assertThat(health.status()).isEqualTo(HttpStatus.OK);
		assertThat(health).extractingPath("$.status").asString().isEqualTo("UP");
		String breakers = "$.components.circuitBreakers.details.";
		assertThat(health).extractingPath(breakers + "search.details.state").asString().isEqualTo("OPEN");
		assertThat(health).extractingPath(breakers + "recommendations.details.state").asString().isEqualTo("OPEN");
		assertThat(fetch("/actuator/health/liveness")).extractingPath("$.status").asString().isEqualTo("UP");
		assertThat(fetch("/actuator/health/readiness")).extractingPath("$.status").asString().isEqualTo("UP");
		assertThat(fetch("/api/resilience")).extractingPath("$.dependencies.search.circuitBreaker.state")
			.asString()
			.isEqualTo("OPEN");
	}

	@Test
	void exposesOnlyTheDocumentedActuatorEndpoints() {
		for (String hidden : new String[] { "env", "heapdump", "beans", "shutdown", "configprops" }) {
			assertThat(fetch("/actuator/" + hidden).status()).as(hidden).isEqualTo(HttpStatus.NOT_FOUND);
		}
		for (String shown : new String[] { "circuitbreakers", "retries", "bulkheads", "prometheus" }) {
			assertThat(fetch("/actuator/" + shown).status()).as(shown).isEqualTo(HttpStatus.OK);
		}
	}

}
