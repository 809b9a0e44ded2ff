package io.designforfailure.web.shedding;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.netflix.concurrency.limits.Limiter;
import io.designforfailure.web.FieldProblem;
import io.designforfailure.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only while the concurrency limit of its kind of {@link Work} has
 * room; over it, answers at once with 503 and {@code Retry-After: 1} without calling the
 * rest of the chain, so a shed request costs neither the index nor the database. What a
 * request's outcome tells its limit: a normal answer (including bad input) is a
 * round-trip sample; a 503 means the work ran out of time and counts as dropped, which
 * lowers the limit; any other server error or an exception says nothing about load and is
 * ignored.
 */
class LoadSheddingFilter extends OncePerRequestFilter {

	private final Map<Work, Limiter<Void>> limiters;

	private final ProblemResponses problems;

	private final Map<Work, Counter> shed;

	/**
	 * @param limiters one per kind of work
	 * @param problems how a shed request is answered
	 * @param shed the requests shed, per kind of work
	 */
	LoadSheddingFilter(Map<Work, Limiter<Void>> limiters, ProblemResponses problems, Map<Work, Counter> shed) {
		this.limiters = Map.copyOf(limiters);
		this.problems = problems;
		this.shed = Map.copyOf(shed);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Work work = Work.of(request);
		Optional<Limiter.Listener> acquired = this.limiters.get(work).acquire(null);
		if (acquired.isEmpty()) {
			this.shed.get(work).increment();
			this.problems.send(response, FieldProblem.unavailable(Duration.ofSeconds(1),
					"Too many requests in progress: try again shortly"));
			return;
		}
		Limiter.Listener listener = acquired.get();
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			listener.onIgnore();
			throw ex;
		}
		int status = response.getStatus();
		if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			listener.onDropped();
		}
		else if (status >= 500) {
			listener.onIgnore();
		}
		else {
			listener.onSuccess();
		}
	}

}
