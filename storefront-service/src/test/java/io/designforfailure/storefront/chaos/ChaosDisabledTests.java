package io.designforfailure.storefront.chaos;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

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
		StorefrontAnswer response = send(method, path, body);

		assertThat(response.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).extractingPath("$.detail").asString().contains("storefront.chaos.enabled");
		assertThat(search.getAllServeEvents()).isEmpty();
		assertThat(recommendations.getAllServeEvents()).isEmpty();
	}

}
