package io.designforfailure.storefront.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos endpoints forward the console's requests to the dependencies' Chaos Monkey.
 */
@TestPropertySource(properties = "storefront.chaos.enabled=true")
class ChaosEndpointTests extends WireMockTestSupport {

	private static final String ASSAULTS = ChaosMonkeys.ASSAULTS_PATH;

	@Test
	void listsTheDependenciesWhoseChaosCanBeSwitched() {
		JsonNode body = getJson("/api/chaos").getBody();

		assertThat(body.get("enabled").asBoolean()).isTrue();
		assertThat(body.get("dependencies")).extracting(JsonNode::asText).containsExactly("recommendations", "search");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					recommendations | {"mode":"latency","latencyMs":2000} | {"level":1,"latencyActive":true,"latencyRangeStart":2000,"latencyRangeEnd":2000,"exceptionsActive":false}
					search          | {"mode":"errors"}                   | {"level":1,"latencyActive":false,"exceptionsActive":true}
					search          | {"mode":"off"}                      | {"latencyActive":false,"exceptionsActive":false}
					search          | {"mode":"errors","everyNth":2}      | {"level":2,"latencyActive":false,"exceptionsActive":true}
					search          | {"mode":"latency","latencyMs":50,"everyNth":3} | {"level":3,"latencyActive":true,"latencyRangeStart":50,"latencyRangeEnd":50,"exceptionsActive":false}
					""")
	void forwardsEachModeAsChaosMonkeyAssaults(String dependency, String request, String assaults) {
		stub(server(dependency), post(urlPathEqualTo(ASSAULTS)).willReturn(ok("Assault config has changed")));

		ResponseEntity<JsonNode> response = postJson("/api/chaos/" + dependency, request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("dependency").asText()).isEqualTo(dependency);
		assertThat(requestsMatching(server(dependency),
				postRequestedFor(urlPathEqualTo(ASSAULTS)).withRequestBody(equalToJson(assaults, false, false))))
			.isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{}                                   | mode
			{"mode":"flood"}                     | mode
			{"mode":"latency"}                   | latencyMs
			{"mode":"latency","latencyMs":0}     | latencyMs
			{"mode":"latency","latencyMs":30001} | latencyMs
			{"mode":"latency","latencyMs":"abc"} | latencyMs
			{"mode":"errors","latencyMs":100}    | latencyMs
			{"mode":"errors","everyNth":0}       | everyNth
			{"mode":"errors","everyNth":10001}   | everyNth
			{"mode":"off","everyNth":2}          | everyNth
			{"mode":                             | body
			""")
	void rejectsABadRequestWithAProblemNamingTheField(String request, String field) {
		ResponseEntity<JsonNode> response = postJson("/api/chaos/search", request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("field").asText()).isEqualTo(field);
		assertThat(response.getBody().get("detail").asText()).contains(field.equals("body") ? "JSON" : field);
		assertThat(search.getAllServeEvents()).isEmpty();
	}

	@Test
	void answers404ForAnUnknownDependency() {
		ResponseEntity<JsonNode> response = postJson("/api/chaos/payments", "{\"mode\":\"off\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("field").asText()).isEqualTo("dependency");
	}

	@Test
	void answers502WhenTheDependencyCannotBeReached() {
		stub(recommendations,
				post(urlPathEqualTo(ASSAULTS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		ResponseEntity<JsonNode> response = postJson("/api/chaos/recommendations", "{\"mode\":\"errors\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("detail").asText())
			.isEqualTo("Could not reach recommendations at " + recommendations.baseUrl() + ": is it running?");
	}

	@Test
	void answers502WhenTheDependencyRunsWithoutChaosMonkey() {
		ResponseEntity<JsonNode> response = postJson("/api/chaos/search", "{\"mode\":\"off\"}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(response.getBody().get("detail").asText()).startsWith("search answered 404")
			.endsWith("is it running with the chaos-monkey profile?");
	}

	private static WireMockServer server(String dependency) {
		return "search".equals(dependency) ? search : recommendations;
	}

	private ResponseEntity<JsonNode> postJson(String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

}
