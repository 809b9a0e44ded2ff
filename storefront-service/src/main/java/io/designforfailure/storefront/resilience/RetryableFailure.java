package io.designforfailure.storefront.resilience;

import java.time.Duration;

/**
 * A transient failure that another attempt can cure, carrying the wait planned before it.
 * Only this type is retried (see application.yml), and only the attempt that knows the
 * call's remaining budget creates it.
 */
public final class RetryableFailure extends DependencyFailure {

	private final Duration plannedWait;

	RetryableFailure(DependencyFailure failure, Duration plannedWait) {
		super(failure.reason(), failure.status(), failure.getMessage(), failure.getCause());
		this.plannedWait = plannedWait;
	}

	public Duration plannedWait() {
		return this.plannedWait;
	}

}
