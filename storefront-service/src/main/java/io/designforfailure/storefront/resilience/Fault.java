package io.designforfailure.storefront.resilience;

import java.time.Duration;

import org.springframework.http.HttpStatusCode;
import org.springframework.lang.Nullable;

/**
 * What went wrong in one attempt, before the budget decides whether to try again.
 *
 * @param reason the reason a degraded section will show
 * @param status the dependency's status code, when it answered
 * @param transientFault whether another attempt may cure it
 * @param retryAfter the wait the dependency asked for, if any
 * @param clientError whether the request itself was refused (4xx other than 429)
 * @param cause what the client threw
 */
record Fault(Reason reason, @Nullable HttpStatusCode status, boolean transientFault, @Nullable Duration retryAfter,
		boolean clientError, RuntimeException cause) {

	DependencyFailure toFailure(String dependency) {
		String message = dependency + ": " + this.reason.value()
				+ ((this.status != null) ? " (HTTP " + this.status.value() + ")" : "") + ": " + this.cause.getMessage();
		return this.clientError ? new ClientErrorFailure(this.status, message)
				: new DependencyFailure(this.reason, this.status, message, this.cause);
	}

}
