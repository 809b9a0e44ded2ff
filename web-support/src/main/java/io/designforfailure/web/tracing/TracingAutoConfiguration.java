package io.designforfailure.web.tracing;

import brave.handler.MutableSpan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import zipkin2.reporter.BytesEncoder;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.tracing.ConditionalOnEnabledTracing;
import org.springframework.boot.actuate.autoconfigure.tracing.zipkin.ZipkinAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.zipkin.ZipkinConnectionDetails;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The trace id on every answer, and Zipkin's span handler with export that is counted and
 * logged once per outage instead of per failed message. Before Zipkin's own
 * auto-configuration, whose span handler then stands back.
 */
@AutoConfiguration(before = ZipkinAutoConfiguration.class)
@ConditionalOnClass(Tracer.class)
public class TracingAutoConfiguration {

	/**
	 * Just inside Spring's observation filter ({@code HIGHEST_PRECEDENCE + 1}), whose
	 * server span is then current, and before anything can write the answer.
	 */
	static final int HEADER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	@Bean
	Traces traces(ObjectProvider<Tracer> tracer) {
		return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP));
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<TraceIdHeaderFilter> traceIdHeaderFilter(Traces traces) {
		FilterRegistrationBean<TraceIdHeaderFilter> registration = new FilterRegistrationBean<>(
				new TraceIdHeaderFilter(traces));
		registration.setOrder(HEADER_ORDER);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AsyncZipkinSpanHandler.class)
	@ConditionalOnEnabledTracing("zipkin")
	static class ZipkinExport {

		/**
		 * Zipkin's reporter as Boot builds it (its bounded queue, 10,000 spans by
		 * default, drops what does not fit), watched by {@link SpanExport}.
		 */
		@Bean
		AsyncZipkinSpanHandler asyncZipkinSpanHandler(BytesMessageSender sender, BytesEncoder<MutableSpan> encoder,
				ZipkinConnectionDetails connection, MeterRegistry meters) {
			SpanExport export = new SpanExport(connection.getSpanEndpoint(), meters);
			return AsyncZipkinSpanHandler.newBuilder(export.watching(sender)).metrics(export).build(encoder);
		}

	}

}
