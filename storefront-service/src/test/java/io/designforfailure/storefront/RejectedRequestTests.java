package io.designforfailure.storefront;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat rejects before Spring sees it, and what the service rejects itself, are
 * both answered with problem details naming the field, through the shared web-support
 * module.
 */
class RejectedRequestTests extends WireMockTestSupport {

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
		assertProblem(send(request("/api/search?q=%20%20")), 400, "q");
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
