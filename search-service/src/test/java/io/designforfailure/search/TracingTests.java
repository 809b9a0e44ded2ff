package io.designforfailure.search;

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
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * search-service continues the trace its caller sends as W3C traceparent, and Lucene's
 * search is a span of its own in it.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { RecordedSpans.EVERY_REQUEST, RecordedSpans.NOT_EXPORTED })
@Import(RecordedSpans.Kept.class)
class TracingTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private RecordedSpans spans;

	@Test
	void continuesTheCallersTraceWithASpanForLucenesSearch() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");

		ResponseEntity<String> answer = this.http.exchange("/api/search?q=tent", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);

		assertThat(answer.getHeaders().getFirst("X-Trace-Id")).isEqualTo(TRACE_ID);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.spans.inTrace(TRACE_ID).stream().anyMatch((span) -> span.kind() == Span.Kind.SERVER));
		List<MutableSpan> trace = this.spans.inTrace(TRACE_ID);
		MutableSpan server = trace.stream().filter((span) -> span.kind() == Span.Kind.SERVER).findFirst().orElseThrow();
		assertThat(server.parentId()).isEqualTo(CALLER_SPAN);
		assertThat(trace).filteredOn((span) -> "lucene search".equals(span.name()))
			.singleElement()
			.satisfies((lucene) -> {
				assertThat(lucene.parentId()).isEqualTo(server.id());
				assertThat(lucene.tag("lucene.query")).contains("tent");
				assertThat(Long.parseLong(lucene.tag("lucene.hits"))).isPositive();
			});
	}

}
