package io.designforfailure.storefront.guard;

import java.time.Instant;
import java.util.List;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import org.springframework.lang.Nullable;

/**
 * The true state of one dependency's guards, read from the guards themselves.
 *
 * @param circuitBreaker breaker state and rates (-1 until the minimum number of calls)
 * @param bulkhead permits free and in all; {@code null} for a dependency without one
 * @param concurrencyLimit the adaptive limit beneath the bulkhead; {@code null} for a
 * dependency without one
 * @param retry calls by retry outcome; {@code null} for a dependency never retried
 * @param overload load signals, throttling and the retry budget; {@code null} for a
 * dependency without them
 * @param transitions the latest breaker transitions, newest first
 */
public record GuardReport(BreakerReport circuitBreaker, @Nullable BulkheadReport bulkhead,
		@Nullable ConcurrencyLimitReport concurrencyLimit, @Nullable RetryReport retry,
		@Nullable OverloadReport overload, List<Transition> transitions) {

	static GuardReport of(CircuitBreaker circuitBreaker, Bulkhead bulkhead, ConcurrencyLimitReport concurrencyLimit,
			Retry retry, OverloadReport overload, List<Transition> transitions) {
		Bulkhead.Metrics permits = bulkhead.getMetrics();
		Retry.Metrics retries = retry.getMetrics();
		return new GuardReport(breaker(circuitBreaker),
				new BulkheadReport(permits.getAvailableConcurrentCalls(), permits.getMaxAllowedConcurrentCalls()),
				concurrencyLimit,
				new RetryReport(retries.getNumberOfSuccessfulCallsWithoutRetryAttempt(),
						retries.getNumberOfSuccessfulCallsWithRetryAttempt(),
						retries.getNumberOfFailedCallsWithoutRetryAttempt(),
						retries.getNumberOfFailedCallsWithRetryAttempt()),
				overload, transitions);
	}

	/**
	 * The report of a dependency guarded by a breaker alone, such as the shared cache: no
	 * bulkhead, concurrency limit, retries nor overload guards.
	 */
	static GuardReport ofBreaker(CircuitBreaker circuitBreaker, List<Transition> transitions) {
		return new GuardReport(breaker(circuitBreaker), null, null, null, null, transitions);
	}

	private static BreakerReport breaker(CircuitBreaker circuitBreaker) {
		CircuitBreaker.Metrics breaker = circuitBreaker.getMetrics();
		return new BreakerReport(circuitBreaker.getState().name(), breaker.getFailureRate(), breaker.getSlowCallRate(),
				breaker.getNumberOfBufferedCalls(), breaker.getNumberOfFailedCalls(), breaker.getNumberOfSlowCalls(),
				breaker.getNumberOfNotPermittedCalls());
	}

	/**
	 * The breaker.
	 *
	 * @param state CLOSED, OPEN, HALF_OPEN ...
	 * @param failureRate per cent of failed calls in the window
	 * @param slowCallRate per cent of slow calls in the window
	 * @param bufferedCalls calls in the window
	 * @param failedCalls failed calls in the window
	 * @param slowCalls slow calls in the window
	 * @param notPermittedCalls calls refused while open, since start
	 */
	public record BreakerReport(String state, float failureRate, float slowCallRate, int bufferedCalls, int failedCalls,
			int slowCalls, long notPermittedCalls) {
	}

	/**
	 * The bulkhead.
	 *
	 * @param availableConcurrentCalls permits free now
	 * @param maxAllowedConcurrentCalls permits in all
	 */
	public record BulkheadReport(int availableConcurrentCalls, int maxAllowedConcurrentCalls) {
	}

	/**
	 * The adaptive concurrency limit.
	 *
	 * @param enabled whether it limits at all; when not, the bulkhead alone does
	 * @param limit attempts it lets be in flight now
	 * @param inFlight attempts in flight now
	 * @param limitedCalls attempts it refused, since start
	 */
	public record ConcurrencyLimitReport(boolean enabled, int limit, int inFlight, long limitedCalls) {
	}

	/**
	 * Calls by retry outcome, since start.
	 *
	 * @param successfulWithoutRetry answered at the first attempt
	 * @param successfulWithRetry answered after one or more retries
	 * @param failedWithoutRetry failed and not retried
	 * @param failedWithRetry failed after retries
	 */
	public record RetryReport(long successfulWithoutRetry, long successfulWithRetry, long failedWithoutRetry,
			long failedWithRetry) {
	}

	/**
	 * Overload: the dependency's and ours.
	 *
	 * @param shedAnswers attempts the dependency answered with a load signal, since start
	 * @param throttledCalls attempts held back in the storefront, since start
	 * @param throttleProbability the share of attempts held back now
	 * @param retryBudgetLeft retries the budget still allows
	 * @param retryBudgetExhausted retries the budget refused, since start
	 */
	public record OverloadReport(long shedAnswers, long throttledCalls, double throttleProbability,
			long retryBudgetLeft, long retryBudgetExhausted) {
	}

	/**
	 * One change of a breaker's state.
	 *
	 * @param from the state it left
	 * @param to the state it entered
	 * @param at when
	 */
	public record Transition(String from, String to, Instant at) {
	}

}
