package io.designforfailure.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAndValidationTests extends WireMockTestSupport {

	@Test
	void healthStaysUpWithBothBreakersOpen() {
		this.circuitBreakers.circuitBreaker("recommendations").transitionToOpenState();
		this.circuitBreakers.circuitBreaker("search").transitionToOpenState();

		ResponseEntity<JsonNode> health = getJson("/actuator/health");

		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
		JsonNode breakers = health.getBody().get("components").get("circuitBreakers").get("details");
		assertThat(breakers.get("search").get("details").get("state").asText()).isEqualTo("OPEN");
		assertThat(breakers.get("recommendations").get("details").get("state").asText()).isEqualTo("OPEN");
		assertThat(getJson("/actuator/health/liveness").getBody().get("status").asText()).isEqualTo("UP");
		assertThat(getJson("/actuator/health/readiness").getBody().get("status").asText()).isEqualTo("UP");
		assertThat(getJson("/api/resilience").getBody()
			.get("dependencies")
			.get("search")
			.get("circuitBreaker")
			.get("state")
			.asText()).isEqualTo("OPEN");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/search                          | q
			/api/search?q=                       | q
			/api/search?q=%20%20%20              | q
			/api/home?userId=a%20b               | userId
			/api/home?userId=%3Cscript%3E        | userId
			/api/products/42                     | id
			/api/products/p-00001                | id
			/api/products/p-0001?userId=%2F%2F   | userId
			""")
	void rejectsBadInputWithAProblemNamingTheField(String path, String field) {
		assertBadRequest(getJson(path), field);
	}

	@Test
	void rejectsAQueryLongerThan200CharactersAfterTrimming() {
		assertBadRequest(getJson("/api/search?q=" + "a".repeat(201)), "q");
		assertThat(search.getAllServeEvents()).isEmpty();
	}

	@Test
	void acceptsAQueryOf200CharactersPaddedWithSpaces() {
		stubSearch(searchResults("long"));

		ResponseEntity<JsonNode> response = getJson("/api/search?q=%20%20" + "a".repeat(200) + "%20%20");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void answersAnUnknownPathWithAProblem() {
		ResponseEntity<JsonNode> response = getJson("/api/nothing-here");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersAWrongMethodWithAProblem() {
		ResponseEntity<JsonNode> response = this.rest.postForEntity("/api/home", "{}", JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void exposesOnlyTheDocumentedActuatorEndpoints() {
		for (String hidden : new String[] { "env", "heapdump", "beans", "shutdown", "configprops" }) {
			assertThat(getJson("/actuator/" + hidden).getStatusCode()).as(hidden).isEqualTo(HttpStatus.NOT_FOUND);
		}
		for (String shown : new String[] { "circuitbreakers", "retries", "bulkheads", "prometheus" }) {
			assertThat(this.rest.getForEntity("/actuator/" + shown, String.class).getStatusCode()).as(shown)
				.isEqualTo(HttpStatus.OK);
		}
	}

	private static void assertBadRequest(ResponseEntity<JsonNode> response, String field) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("field").asText()).isEqualTo(field);
		assertThat(response.getBody().get("detail").asText()).isNotBlank();
		assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at io.");
	}

}
