package io.designforfailure.recommendations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat rejects before Spring sees it and what the service rejects itself are
 * problem details naming the field; a caller that has stopped waiting is dropped; the
 * service's YAML switches on web-support's deadlines and load shedding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
class RejectedRequestTests {

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@LocalServerPort
	private int port;

	@Test
	void answersAnEncodedSlashInThePathWithAProblem() throws Exception {
		assertProblem(send(request("/api/products/..%2f..%2fetc")), 400, "path");
	}

	@Test
	void answersAnOversizedHeaderWithAProblem() throws Exception {
		assertProblem(send(request("/api/products/p-0001").header("X-Big", "a".repeat(20_000))), 400, "headers");
	}

	@Test
	void answersBadInputWithAProblemNamingTheField() throws Exception {
		assertProblem(send(request("/api/recommendations?userId=a%20b")), 400, "userId");
	}

	@Test
	void dropsARequestWhoseCallerHasStoppedWaiting() throws Exception {
		HttpResponse<String> response = send(
				request("/api/recommendations?userId=alice").header("X-Request-Timeout-Ms", "0"));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
	}

	@Test
	void answersWithinADeadlineAndIgnoresAMalformedOne() throws Exception {
		assertThat(
				send(request("/api/recommendations?userId=alice").header("X-Request-Timeout-Ms", "5000")).statusCode())
			.isEqualTo(200);
		assertThat(
				send(request("/api/recommendations?userId=alice").header("X-Request-Timeout-Ms", "soon")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void publishesTheLimitInFlightShedAndAbandonedCounts() throws Exception {
		assertThat(send(request("/actuator/prometheus")).body()).contains(
				"http_concurrency_limit{application=\"recommendations-service\",work=\"reads\"}",
				"http_concurrency_limit{application=\"recommendations-service\",work=\"writes\"}",
				"http_concurrency_in_flight{application=\"recommendations-service\",work=\"reads\"}",
				"http_concurrency_in_flight{application=\"recommendations-service\",work=\"writes\"}",
				"http_requests_shed_total{application=\"recommendations-service\",work=\"reads\"}",
				"http_requests_shed_total{application=\"recommendations-service\",work=\"writes\"}",
				"http_requests_abandoned_total{application=\"recommendations-service\"}");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void assertProblem(HttpResponse<String> response, int status, String field) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.field").isEqualTo(field);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.detail").startsWith(field);
	}

}
