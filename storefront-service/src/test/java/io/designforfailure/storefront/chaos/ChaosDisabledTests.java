package io.designforfailure.storefront.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** With chaos disabled (the default) the chaos endpoints do not exist for anyone. */
class ChaosDisabledTests extends WireMockTestSupport {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			GET  | /api/chaos                 | -
			POST | /api/chaos/search          | {"mode":"errors"}
			POST | /api/chaos/recommendations | {"mode":"latency","latencyMs":2000}
			POST | /api/chaos/search          | {"mode":
			POST | /api/chaos/payments        | {"mode":"off"}
			""")
	void answers404AndForwardsNothing(HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<JsonNode> response = this.rest.exchange(path, method, new HttpEntity<>(body, headers),
				JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("detail").asText()).contains("storefront.chaos.enabled");
		assertThat(search.getAllServeEvents()).isEmpty();
		assertThat(recommendations.getAllServeEvents()).isEmpty();
	}

}
