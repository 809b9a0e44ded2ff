package io.designforfailure.web.tracing;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import org.springframework.lang.Nullable;

/**
 * The trace the current thread works for, read from Micrometer Tracing: its id, for the
 * {@code X-Trace-Id} header and what the services report, and its context, for work that
 * continues it later on another thread. Without a tracer (tracing switched off) there is
 * none, and continuing one does nothing.
 */
public final class Traces {

	private final Tracer tracer;

	public Traces(Tracer tracer) {
		this.tracer = tracer;
	}

	/** The current trace's id, 32 lower-case hex, or {@code null} outside any trace. */
	@Nullable
	public String currentTraceId() {
		TraceContext context = current();
		return (context != null) ? context.traceId() : null;
	}

	/** The current span's context, to continue the trace elsewhere. */
	@Nullable
	public TraceContext current() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? span.context() : null;
	}

	/**
	 * Makes {@code context} current on this thread until the returned scope closes, so
	 * that what starts meanwhile is part of its trace; {@code null} continues nothing.
	 */
	public Resumed resume(@Nullable TraceContext context) {
		if (context == null) {
			return () -> {
			};
		}
		CurrentTraceContext.Scope scope = this.tracer.currentTraceContext().newScope(context);
		return scope::close;
	}

	/** A trace made current by {@link #resume}; closing it restores what was before. */
	@FunctionalInterface
	public interface Resumed extends AutoCloseable {

		@Override
		void close();

	}

}
