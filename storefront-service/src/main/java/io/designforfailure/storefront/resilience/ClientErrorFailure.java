package io.designforfailure.storefront.resilience;

import org.springframework.http.HttpStatusCode;

/**
 * A 4xx answer: our request was wrong or names something unknown. The dependency is fine,
 * so the breaker ignores it and nobody retries it.
 */
public final class ClientErrorFailure extends DependencyFailure {

	public ClientErrorFailure(HttpStatusCode status, String message) {
		super(Reason.ERROR, status, message, null);
	}

}
