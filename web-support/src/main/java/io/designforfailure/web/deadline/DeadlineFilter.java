package io.designforfailure.web.deadline;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

import io.designforfailure.web.FieldProblem;
import io.designforfailure.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fixes each request's deadline on arrival and drops, before any work and before it takes
 * a slot of the concurrency limit, a request whose caller has already stopped waiting.
 */
class DeadlineFilter extends OncePerRequestFilter {

	private final Duration max;

	private final LongSupplier nanoClock;

	private final ProblemResponses problems;

	private final Counter abandoned;

	DeadlineFilter(Duration max, LongSupplier nanoClock, ProblemResponses problems, Counter abandoned) {
		this.max = max;
		this.nanoClock = nanoClock;
		this.problems = problems;
		this.abandoned = abandoned;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestDeadline deadline = RequestDeadline.parse(request.getHeader(RequestDeadline.HEADER), this.max,
				this.nanoClock);
		if (deadline.isExpired()) {
			this.abandoned.increment();
			this.problems.send(response, FieldProblem.unavailable(Duration.ofSeconds(1),
					"The caller stopped waiting before work on this request began: its deadline has passed"));
			return;
		}
		request.setAttribute(RequestDeadline.ATTRIBUTE, deadline);
		chain.doFilter(request, response);
	}

}
