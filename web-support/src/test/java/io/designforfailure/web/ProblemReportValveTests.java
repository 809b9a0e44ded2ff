package io.designforfailure.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat rejects before Spring sees the request is answered as problem details too,
 * not as Tomcat's HTML page.
 */
@SpringBootTest(classes = ProblemsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.error.include-stacktrace=never")
class ProblemReportValveTests {

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void answersAnEncodedSlashInThePathWithAProblemNamingThePath() throws Exception {
		HttpResponse<String> response = send(request("/api/products/..%2f..%2fetc").build());

		assertProblem(response, 400, "path");
	}

	@Test
	void answersAnOversizedHeaderWithAProblemNamingTheHeaders() throws Exception {
		HttpResponse<String> response = send(
				request("/api/search?q=shoes").header("X-Big", "a".repeat(20_000)).build());

		assertProblem(response, 400, "headers");
	}

	@Test
	void answersACharacterNotAllowedInAUrlWithAProblemNamingThePath() throws IOException {
		String response = raw("GET /api/search?q=a|b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json");
		assertThat(this.json.from(response.substring(response.indexOf("\r\n\r\n") + 4)))
			.extractingJsonPathStringValue("$.field")
			.isEqualTo("path");
	}

	@Test
	void leavesWhatSpringAnswersToSpring() throws Exception {
		HttpResponse<String> response = send(request("/api/search?q=%20").build());

		assertProblem(response, 400, "q");
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.detail")
			.isEqualTo("q must not be blank");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Bytes a well-behaved client would refuse to send. */
	private String raw(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private void assertProblem(HttpResponse<String> response, int status, String field) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(this.json.from(response.body())).extractingJsonPathNumberValue("$.status").isEqualTo(status);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.field").isEqualTo(field);
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.detail").startsWith(field);
	}

}
