package io.designforfailure.recommendations;

import java.time.Duration;
import java.util.List;

import brave.Span;
import brave.handler.MutableSpan;
import io.designforfailure.web.tracing.RecordedSpans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * recommendations-service continues the trace its caller sends as W3C traceparent, and
 * every JDBC statement of a request is a span in it: a recorded view's INSERT shows in
 * the trace of the page that recorded it.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { RecordedSpans.EVERY_REQUEST, RecordedSpans.NOT_EXPORTED })
@Import(RecordedSpans.Kept.class)
class TracingTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private RecordedSpans spans;

	@Test
	void aRecordedViewsStatementsAreSpansOfTheCallersTrace() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01");
		headers.set("Idempotency-Key", "traced-view-" + System.nanoTime());
		headers.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<String> answer = this.http.exchange("/api/events/views", HttpMethod.POST,
				new HttpEntity<>("{\"userId\":\"traced-ada\",\"productId\":\"p-0042\"}", headers), String.class);

		assertThat(answer.getStatusCode().value()).isEqualTo(202);
		assertThat(answer.getHeaders().getFirst("X-Trace-Id")).isEqualTo(TRACE_ID);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.spans.inTrace(TRACE_ID).stream().anyMatch((span) -> span.kind() == Span.Kind.SERVER));
		List<MutableSpan> trace = this.spans.inTrace(TRACE_ID);
		assertThat(trace).filteredOn((span) -> "query".equals(span.name()))
			.extracting((span) -> span.tag("jdbc.query[0]"))
			.anySatisfy((statement) -> assertThat(statement).containsIgnoringCase("insert into view_events"));
	}

}
