package io.designforfailure.storefront.resilience;

import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Makes a retry wait exactly what its attempt planned: the dependency's Retry-After, or
 * the exponential backoff with jitter configured in application.yml. Only the attempt
 * knows the call's remaining budget, so it plans the wait and Resilience4j keeps to it.
 */
final class PlannedWait {

	private PlannedWait() {
	}

	static RetryConfigCustomizer forInstance(String name) {
		return RetryConfigCustomizer.of(name, PlannedWait::customize);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void customize(RetryConfig.Builder builder) {
		IntervalBiFunction<Object> configured = builder.build().getIntervalBiFunction();
		IntervalBiFunction<Object> planned = (attempt,
				outcome) -> (outcome.isLeft() && outcome.getLeft() instanceof RetryableFailure failure)
						? failure.plannedWait().toMillis() : configured.apply(attempt, outcome);
		builder.intervalBiFunction(planned);
	}

}
