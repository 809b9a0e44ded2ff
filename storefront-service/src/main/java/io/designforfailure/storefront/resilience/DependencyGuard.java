package io.designforfailure.storefront.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.designforfailure.storefront.http.DependencyProperties;
import io.designforfailure.storefront.http.ExchangeTimer;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;

/**
 * Runs the calls to one dependency under its guards. Outermost first: <pre>
 * Retry( CircuitBreaker( Bulkhead( attempt bounded by the ExchangeTimer ))), all inside the CallBudget
 * </pre> The retry waits outside the bulkhead, so a call backing off holds no permit, and
 * the breaker sees every attempt, so a dependency failing three times per call opens it
 * sooner. A failed call ends as a {@link DependencyFailure} whose reason the caller
 * shows.
 */
public final class DependencyGuard {

	private static final Logger logger = LoggerFactory.getLogger(DependencyGuard.class);

	private final String name;

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	private final ExchangeTimer timer;

	private final Faults faults;

	private final Duration budget;

	private final Duration attemptTimeout;

	DependencyGuard(String name, Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead, ExchangeTimer timer,
			Faults faults, DependencyProperties properties) {
		this.name = name;
		this.retry = retry;
		this.circuitBreaker = circuitBreaker;
		this.bulkhead = bulkhead;
		this.timer = timer;
		this.faults = faults;
		this.budget = properties.budget();
		this.attemptTimeout = properties.responseTimeout();
	}

	/**
	 * Calls an idempotent read, retrying transient failures within the budget.
	 * @throws DependencyFailure if the call failed or a guard refused it
	 */
	public <T> T read(Supplier<T> exchange) {
		CallBudget callBudget = CallBudget.start(this.budget, this.attemptTimeout);
		Supplier<T> attempt = attempts(callBudget, true, exchange);
		return run(Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(this.circuitBreaker,
				Bulkhead.decorateSupplier(this.bulkhead, attempt))));
	}

	/**
	 * Calls a write, retried only when it carries an idempotency key the dependency
	 * de-duplicates: without one, a retry could apply it twice. Writes run off the
	 * request thread behind a bulkhead of their own, so they do not take the reads'
	 * permits.
	 * @throws DependencyFailure if the call failed or the breaker refused it
	 */
	public <T> T write(@Nullable String idempotencyKey, Supplier<T> exchange) {
		CallBudget callBudget = CallBudget.start(this.budget, this.attemptTimeout);
		boolean retryable = idempotencyKey != null && !idempotencyKey.isBlank();
		Supplier<T> guarded = CircuitBreaker.decorateSupplier(this.circuitBreaker,
				attempts(callBudget, retryable, exchange));
		return run(retryable ? Retry.decorateSupplier(this.retry, guarded) : guarded);
	}

	private <T> T run(Supplier<T> guarded) {
		try {
			return guarded.get();
		}
		catch (CallNotPermittedException ex) {
			throw new DependencyFailure(Reason.CIRCUIT_OPEN, null, this.name + ": circuit open", ex);
		}
		catch (BulkheadFullException ex) {
			throw new DependencyFailure(Reason.BULKHEAD_FULL, null, this.name + ": bulkhead full", ex);
		}
	}

	private <T> Supplier<T> attempts(CallBudget callBudget, boolean retryable, Supplier<T> exchange) {
		AtomicInteger attempt = new AtomicInteger();
		return () -> {
			int number = attempt.incrementAndGet();
			Duration limit = callBudget.nextAttemptLimit();
			if (limit.isZero()) {
				throw new DependencyFailure(Reason.TIMEOUT, null, this.name + ": budget spent", null);
			}
			try {
				return this.timer.limit(limit, exchange);
			}
			catch (RuntimeException ex) {
				DependencyFailure failure = failure(this.faults.classify(ex), number, callBudget, retryable);
				boolean retrying = failure instanceof RetryableFailure
						&& number < this.retry.getRetryConfig().getMaxAttempts();
				logger.debug("{} attempt {} failed ({}): {}", this.name, number, retrying ? "will retry" : "final",
						ex.toString());
				throw failure;
			}
		};
	}

	/**
	 * Decides here, where the budget is known, whether another attempt is worth it and
	 * how long to wait first; {@link PlannedWait} makes the retry wait exactly that.
	 */
	private DependencyFailure failure(Fault fault, int attempt, CallBudget callBudget, boolean retryable) {
		DependencyFailure failure = fault.toFailure(this.name);
		if (!retryable || !fault.transientFault()) {
			return failure;
		}
		if (attempt > 1 && attempt >= this.retry.getRetryConfig().getMaxAttempts()) {
			// The retry stops here by itself; left retryable, the call counts as failed
			// with retry.
			return new RetryableFailure(failure, Duration.ZERO);
		}
		Duration wait = (fault.retryAfter() != null) ? fault.retryAfter() : backoff(attempt, failure);
		return callBudget.allowsRetryAfter(wait) ? new RetryableFailure(failure, wait) : failure;
	}

	private Duration backoff(int attempt, DependencyFailure failure) {
		return Duration
			.ofMillis(this.retry.getRetryConfig().getIntervalBiFunction().apply(attempt, Either.left(failure)));
	}

}
