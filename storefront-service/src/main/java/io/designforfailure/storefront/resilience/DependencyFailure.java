package io.designforfailure.storefront.resilience;

import org.springframework.http.HttpStatusCode;
import org.springframework.lang.Nullable;

/**
 * A failed attempt to call a dependency, already classified: the circuit breaker counts
 * it, the retry leaves it alone. Its subclasses say otherwise: {@link RetryableFailure}
 * is retried, {@link ClientErrorFailure} is ignored by the breaker (see application.yml).
 */
public class DependencyFailure extends RuntimeException {

	private final Reason reason;

	private final HttpStatusCode status;

	public DependencyFailure(Reason reason, @Nullable HttpStatusCode status, String message,
			@Nullable Throwable cause) {
		super(message, cause, false, false);
		this.reason = reason;
		this.status = status;
	}

	public Reason reason() {
		return this.reason;
	}

	/** The dependency's status code, when it answered. */
	@Nullable
	public HttpStatusCode status() {
		return this.status;
	}

}
