package io.designforfailure.storefront;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;

/**
 * Keeps every span the storefront finishes in memory, from whatever thread ends it, so a
 * test can read the trace of one answer instead of asking Zipkin. A Brave span handler,
 * as Zipkin's reporter is: Boot hands it every span beside (here: instead of) the
 * reporter.
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

	/** The finished spans of one trace, in the order they finished. */
	public List<MutableSpan> inTrace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	void clear() {
		this.spans.clear();
	}

}
