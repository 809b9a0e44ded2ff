package io.designforfailure.storefront.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.designforfailure.storefront.recommendations.BestSellers;
import io.designforfailure.storefront.recommendations.ViewRecorder;
import io.designforfailure.storefront.resilience.BreakerTransitions;
import io.designforfailure.storefront.search.SearchGateway;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The true state of every guard, per dependency, read from the guards themselves. */
@RestController
class ResilienceController {

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	private final RetryRegistry retries;

	private final BreakerTransitions transitions;

	private final Map<String, CacheSize> cacheSizes;

	private final ViewRecorder views;

	ResilienceController(CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads, RetryRegistry retries,
			BreakerTransitions transitions, SearchGateway search, BestSellers bestSellers, ViewRecorder views) {
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
		this.retries = retries;
		this.transitions = transitions;
		this.cacheSizes = Map.of("recommendations", bestSellers::size, "search", search::cachedQueries);
		this.views = views;
	}

	@GetMapping("/api/resilience")
	ResilienceReport report() {
		Map<String, DependencyReport> dependencies = new LinkedHashMap<>();
		for (String name : List.of("recommendations", "search")) {
			dependencies.put(name, dependency(name));
		}
		return new ResilienceReport(dependencies,
				new ViewsReport(this.views.views("delivered"), this.views.views("duplicate"),
						this.views.views("redelivered"), this.views.views("dropped"), this.views.pending()));
	}

	private DependencyReport dependency(String name) {
		CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(name);
		CircuitBreaker.Metrics breaker = circuitBreaker.getMetrics();
		Bulkhead.Metrics bulkhead = this.bulkheads.bulkhead(name).getMetrics();
		Retry.Metrics retry = this.retries.retry(name).getMetrics();
		return new DependencyReport(
				new BreakerReport(circuitBreaker.getState().name(), breaker.getFailureRate(), breaker.getSlowCallRate(),
						breaker.getNumberOfBufferedCalls(), breaker.getNumberOfFailedCalls(),
						breaker.getNumberOfSlowCalls(), breaker.getNumberOfNotPermittedCalls()),
				new BulkheadReport(bulkhead.getAvailableConcurrentCalls(), bulkhead.getMaxAllowedConcurrentCalls()),
				new RetryReport(retry.getNumberOfSuccessfulCallsWithoutRetryAttempt(),
						retry.getNumberOfSuccessfulCallsWithRetryAttempt(),
						retry.getNumberOfFailedCallsWithoutRetryAttempt(),
						retry.getNumberOfFailedCallsWithRetryAttempt()),
				this.cacheSizes.get(name).get(), this.transitions.latest(name));
	}

	@FunctionalInterface
	private interface CacheSize {

		long get();

	}

	record ResilienceReport(Map<String, DependencyReport> dependencies, ViewsReport views) {
	}

	/**
	 * One dependency's guards.
	 *
	 * @param circuitBreaker breaker state and rates (-1 until the minimum number of
	 * calls)
	 * @param bulkhead permits free and in all
	 * @param retry calls by retry outcome
	 * @param cacheSize entries kept for when it fails: cached queries for search, the
	 * generic list's length for recommendations
	 * @param transitions the latest breaker transitions, newest first
	 */
	record DependencyReport(BreakerReport circuitBreaker, BulkheadReport bulkhead, RetryReport retry, long cacheSize,
			List<BreakerTransitions.Transition> transitions) {
	}

	record BreakerReport(String state, float failureRate, float slowCallRate, int bufferedCalls, int failedCalls,
			int slowCalls, long notPermittedCalls) {
	}

	record BulkheadReport(int availableConcurrentCalls, int maxAllowedConcurrentCalls) {
	}

	record RetryReport(long successfulWithoutRetry, long successfulWithRetry, long failedWithoutRetry,
			long failedWithRetry) {
	}

	record ViewsReport(long delivered, long duplicate, long redelivered, long dropped, int pending) {
	}

}
