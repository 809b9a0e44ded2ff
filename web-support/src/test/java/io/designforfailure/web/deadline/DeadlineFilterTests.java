package io.designforfailure.web.deadline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.designforfailure.web.ProblemsApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = ProblemsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "service.deadline.enabled=true")
class DeadlineFilterTests {

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@Test
	void dropsARequestWhoseCallerHasNoTimeLeftBeforeTheControllerRuns() throws Exception {
		int invocations = ProblemsApplication.invocations.get();
		double abandoned = abandoned();

		HttpResponse<String> response = get("/api/deadline", "0");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(this.json.from(response.body())).extractingJsonPathStringValue("$.detail")
			.contains("deadline has passed");
		assertThat(ProblemsApplication.invocations.get()).isEqualTo(invocations);
		assertThat(abandoned()).isEqualTo(abandoned + 1);
	}

	@Test
	void givesTheControllerTheRemainingTime() throws Exception {
		HttpResponse<String> response = get("/api/deadline", "5000");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Long.parseLong(response.body())).isBetween(1L, 5000L);
	}

	@Test
	void capsTheDeadlineAtThirtySeconds() throws Exception {
		assertThat(Long.parseLong(get("/api/deadline", "3600000").body())).isBetween(1L, 30_000L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "-1", "1.5", "1e3", "" })
	void ignoresAMalformedHeader(String header) throws Exception {
		int invocations = ProblemsApplication.invocations.get();

		HttpResponse<String> response = get("/api/deadline", header);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("none");
		assertThat(ProblemsApplication.invocations.get()).isEqualTo(invocations + 1);
	}

	@Test
	void neverDropsActuator() throws Exception {
		assertThat(get("/actuator/health", "0").statusCode()).isEqualTo(200);
	}

	private double abandoned() {
		return this.registry.get(DeadlineAutoConfiguration.ABANDONED).counter().count();
	}

	private HttpResponse<String> get(String path, String deadline) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header(RequestDeadline.HEADER, deadline)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
