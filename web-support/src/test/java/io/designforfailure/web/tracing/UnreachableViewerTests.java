package io.designforfailure.web.tracing;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import io.designforfailure.web.ProblemsApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trace viewer nobody can reach costs a request nothing: every answer still comes, with
 * its trace id; the spans are dropped and counted; and the log says so once, not once per
 * span or per failed message, and never with a stack trace.
 */
@AutoConfigureObservability
@SpringBootTest(classes = ProblemsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = RecordedSpans.EVERY_REQUEST)
@ExtendWith(OutputCaptureExtension.class)
class UnreachableViewerTests {

	@DynamicPropertySource
	static void nothingListening(DynamicPropertyRegistry registry) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		registry.add("management.zipkin.tracing.endpoint", () -> "http://127.0.0.1:" + port + "/api/v2/spans");
	}

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private AsyncZipkinSpanHandler zipkin;

	@Autowired
	private MeterRegistry meters;

	@Test
	void answersEveryRequestAndSaysOnceThatSpansAreDropped(CapturedOutput output) {
		for (int i = 0; i < 20; i++) {
			ResponseEntity<String> answer = this.http.getForEntity("/api/search?q=traced-" + i, String.class);
			assertThat(answer.getStatusCode().value()).isEqualTo(200);
			assertThat(answer.getHeaders().getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
			// Each flush is one failed message: the reporter would log each of them.
			this.zipkin.flush();
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> dropped() >= 20);
		assertThat(output.getAll().split("Traces cannot be sent to", -1)).as("logged once").hasSize(2);
		// Logged by the exporter's thread, outside any trace.
		assertThat(output.getAll()).contains("[" + "-".repeat(32) + "]");
		assertThat(output.getAll()).doesNotContain("zipkin2.reporter").doesNotContain("ConnectException\n\tat");
	}

	private double dropped() {
		return this.meters.get("tracing.spans").tag("outcome", "dropped").counter().count();
	}

}
