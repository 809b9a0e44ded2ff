package io.designforfailure.web.tracing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.ReporterMetrics;

/**
 * What becomes of the spans handed to Zipkin's reporter: sent or dropped, counted as
 * {@code tracing_spans_total{outcome}}. A viewer that cannot be reached is logged once
 * when it stops answering and once when it answers again, never per span: the reporter's
 * own logging (a warning with a stack trace, then one line per failed message at FINE) is
 * switched off in {@code tracing-defaults.properties}. Spans wait in the reporter's
 * bounded queue and are dropped when it is full, so an unreachable viewer costs a request
 * nothing.
 */
class SpanExport implements ReporterMetrics {

	private static final Logger logger = LoggerFactory.getLogger(SpanExport.class);

	private final String endpoint;

	private final Counter sent;

	private final Counter dropped;

	private final AtomicBoolean failing = new AtomicBoolean();

	SpanExport(String endpoint, MeterRegistry registry) {
		this.endpoint = endpoint;
		this.sent = counter(registry, "sent");
		this.dropped = counter(registry, "dropped");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("tracing.spans")
			.description("Spans handed to the trace exporter, by what became of them")
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	public void incrementMessages() {
	}

	@Override
	public void incrementMessagesDropped(Throwable cause) {
		if (this.failing.compareAndSet(false, true)) {
			logger.warn(
					"Traces cannot be sent to {} ({}); spans are dropped and counted "
							+ "(tracing_spans_total{outcome=\"dropped\"}) until it answers",
					this.endpoint, cause.toString());
		}
	}

	@Override
	public void incrementSpans(int quantity) {
	}

	@Override
	public void incrementSpanBytes(int quantity) {
	}

	@Override
	public void incrementMessageBytes(int quantity) {
	}

	@Override
	public void incrementSpansDropped(int quantity) {
		this.dropped.increment(quantity);
	}

	@Override
	public void updateQueuedSpans(int update) {
	}

	@Override
	public void updateQueuedBytes(int update) {
	}

	/** {@code sender}, counting the spans it sends and saying when it sends again. */
	BytesMessageSender watching(BytesMessageSender sender) {
		return new BytesMessageSender() {

			@Override
			public void send(List<byte[]> spans) throws IOException {
				sender.send(spans);
				SpanExport.this.sent.increment(spans.size());
				if (SpanExport.this.failing.compareAndSet(true, false)) {
					logger.info("Traces are sent to {} again", SpanExport.this.endpoint);
				}
			}

			@Override
			public Encoding encoding() {
				return sender.encoding();
			}

			@Override
			public int messageMaxBytes() {
				return sender.messageMaxBytes();
			}

			@Override
			public int messageSizeInBytes(List<byte[]> spans) {
				return sender.messageSizeInBytes(spans);
			}

			@Override
			public int messageSizeInBytes(int spanSize) {
				return sender.messageSizeInBytes(spanSize);
			}

			@Override
			public void close() throws IOException {
				sender.close();
			}

		};
	}

}
