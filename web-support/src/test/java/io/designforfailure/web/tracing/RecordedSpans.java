package io.designforfailure.web.tracing;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps every span a service finishes in memory, from whatever thread ends it, so a test
 * can read the trace of one answer instead of asking Zipkin. A Brave span handler, as
 * Zipkin's reporter is: Boot hands it every span beside (in tests: instead of) the
 * reporter. Shared with the services' tests through web-support's test jar.
 */
public class RecordedSpans extends SpanHandler {

	private final Queue<MutableSpan> spans = new ConcurrentLinkedQueue<>();

	@Override
	public boolean end(TraceContext context, MutableSpan span, Cause cause) {
		if (cause == Cause.FINISHED) {
			this.spans.add(span);
		}
		return true;
	}

	/** A test that reads spans has every request traced ... */
	public static final String EVERY_REQUEST = "management.tracing.sampling.probability=1.0";

	/** ... and kept here rather than sent to Zipkin. */
	public static final String NOT_EXPORTED = "management.zipkin.tracing.export.enabled=false";

	/** The finished spans of one trace, in the order they finished. */
	public List<MutableSpan> inTrace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	public void clear() {
		this.spans.clear();
	}

	/**
	 * Adds the handler to a test's application context:
	 * {@code @Import(RecordedSpans.Kept.class)}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Kept {

		@Bean
		RecordedSpans recordedSpans() {
			return new RecordedSpans();
		}

	}

}
