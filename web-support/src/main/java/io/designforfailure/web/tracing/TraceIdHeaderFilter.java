package io.designforfailure.web.tracing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's trace id in the {@code X-Trace-Id} response header, before anything
 * is written, so every answer names the trace that the services it called continued. Runs
 * inside Spring's observation filter, whose server span is then current.
 */
class TraceIdHeaderFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Trace-Id";

	private final Traces traces;

	TraceIdHeaderFilter(Traces traces) {
		this.traces = traces;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String traceId = this.traces.currentTraceId();
		if (traceId != null) {
			response.setHeader(HEADER, traceId);
		}
		chain.doFilter(request, response);
	}

}
