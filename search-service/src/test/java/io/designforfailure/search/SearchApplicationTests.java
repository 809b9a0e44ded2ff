package io.designforfailure.search;

import com.fasterxml.jackson.databind.JsonNode;
import de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeySettings;
import io.designforfailure.web.warmup.WarmUpProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

// Tests switch metrics export off unless asked; the prometheus endpoint is part of what is checked.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SearchApplicationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ApplicationContext context;

	@Test
	void searchesTheWholeCatalog() {
		ResponseEntity<JsonNode> response = this.http.getForEntity("/api/search?q=running shoes&limit=3",
				JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("items")).hasSize(3);
	}

	@Test
	void warmsUpOnPathsThatAnswerAndSaysWhenItIsReady(@Autowired WarmUpProperties warmUp) {
		assertThat(warmUp.enabled()).isTrue();
		assertThat(warmUp.paths()).isNotEmpty()
			.allSatisfy((path) -> assertThat(this.http.getForEntity(path, String.class).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.OK));
		assertThat(
				this.http.getForEntity("/actuator/health/readiness", JsonNode.class).getBody().get("status").asText())
			.isEqualTo("UP");
	}

	@Test
	void loadsNoChaosMonkeyWithoutItsProfile() {
		assertThat(this.context.getBeanProvider(ChaosMonkeySettings.class).getIfAvailable()).isNull();
		assertThat(this.http.getForEntity("/actuator/chaosmonkey", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void exposesHealthInfoMetricsAndPrometheusOnly() {
		assertThat(this.http.getForEntity("/actuator/health", JsonNode.class).getBody().get("status").asText())
			.isEqualTo("UP");
		assertThat(this.http.getForEntity("/actuator/info", JsonNode.class).getBody().at("/app/name").asText())
			.isEqualTo("search-service");
		assertThat(this.http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getBody())
			.contains("application=\"search-service\"");
		for (String hidden : new String[] { "env", "beans", "heapdump", "shutdown", "configprops", "loggers" }) {
			assertThat(this.http.getForEntity("/actuator/" + hidden, String.class).getStatusCode()).as(hidden)
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
	}

	@Test
	void answersUnknownPathsWithNotFoundProblem() {
		ResponseEntity<JsonNode> response = this.http.getForEntity("/api/nothing-here", JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersWrongMethodWithMethodNotAllowedProblem() {
		ResponseEntity<JsonNode> response = this.http.postForEntity("/api/search?q=shoes", null, JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersBadInputWithProblemNamingTheField() {
		ResponseEntity<JsonNode> response = this.http.getForEntity("/api/search?q=shoes&limit=abc", JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("field").asText()).isEqualTo("limit");
		assertThat(response.getBody().has("trace")).isFalse();
	}

}
