package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.function.IntFunction;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Makes a retry wait exactly what its attempt planned: the dependency's Retry-After, or
 * the exponential backoff with jitter configured in application.yml. Only the attempt
 * knows the call's remaining budget, so it plans the wait and Resilience4j keeps to it.
 */
final class PlannedWait {

	private PlannedWait() {
	}

	/**
	 * The retry as configured, but waiting what each failure planned; it takes the
	 * configured one's place in the registry, so its metrics and events are the ones
	 * reported.
	 */
	static Retry keptBy(Retry configured) {
		IntervalBiFunction<Object> backoff = configured.getRetryConfig().getIntervalBiFunction();
		IntervalBiFunction<Object> planned = (attempt,
				outcome) -> (outcome.isLeft() && outcome.getLeft() instanceof DependencyFailure failure
						&& failure.plannedWait() != null) ? failure.plannedWait().toMillis()
								: backoff.apply(attempt, outcome);
		RetryConfig config = RetryConfig.from(configured.getRetryConfig()).intervalBiFunction(planned).build();
		return Retry.of(configured.getName(), config, configured.getTags());
	}

	/** The configured backoff before retry {@code n}, jitter included. */
	static IntFunction<Duration> backoffOf(Retry configured) {
		IntervalBiFunction<Object> backoff = configured.getRetryConfig().getIntervalBiFunction();
		return (attempt) -> Duration.ofMillis(backoff.apply(attempt, Either.left(new RuntimeException("planning"))));
	}

}
