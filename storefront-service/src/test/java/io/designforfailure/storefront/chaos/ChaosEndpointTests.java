package io.designforfailure.storefront.chaos;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
		StorefrontAnswer chaos = fetch("/api/chaos");

		assertThat(chaos).extractingPath("$.enabled").asBoolean().isTrue();
		assertThat(chaos).extractingPath("$.dependencies").asArray().containsExactly("recommendations", "search");
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

		StorefrontAnswer response = send(HttpMethod.POST, "/api/chaos/" + dependency, request);

		assertThat(response.status()).isEqualTo(HttpStatus.OK);
		assertThat(response).extractingPath("$.dependency").asString().isEqualTo(dependency);
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
		StorefrontAnswer response = send(HttpMethod.POST, "/api/chaos/search", request);

		assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).extractingPath("$.field").asString().isEqualTo(field);
		assertThat(response).extractingPath("$.detail").asString().contains(field.equals("body") ? "JSON" : field);
		assertThat(search.getAllServeEvents()).isEmpty();
	}

	@Test
	void answers404ForAnUnknownDependency() {
		StorefrontAnswer response = send(HttpMethod.POST, "/api/chaos/payments", "{\"mode\":\"off\"}");

		assertThat(response.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).extractingPath("$.field").asString().isEqualTo("dependency");
	}

	@Test
	void answers502WhenTheDependencyCannotBeReached() {
		stub(recommendations,
				post(urlPathEqualTo(ASSAULTS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		StorefrontAnswer response = send(HttpMethod.POST, "/api/chaos/recommendations", "{\"mode\":\"errors\"}");

		assertThat(response.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).extractingPath("$.detail")
			.asString()
			.isEqualTo("Could not reach recommendations at " + recommendations.baseUrl() + ": is it running?");
	}

	@Test
	void answers502WhenTheDependencyRunsWithoutChaosMonkey() {
		StorefrontAnswer response = send(HttpMethod.POST, "/api/chaos/search", "{\"mode\":\"off\"}");

		assertThat(response.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(response).extractingPath("$.detail")
			.asString()
			.startsWith("search answered 404")
			.endsWith("is it running with the chaos-monkey profile?");
	}

	private static WireMockServer server(String dependency) {
		return "search".equals(dependency) ? search : recommendations;
	}

}
