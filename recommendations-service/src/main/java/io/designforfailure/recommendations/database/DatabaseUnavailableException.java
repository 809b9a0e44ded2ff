package io.designforfailure.recommendations.database;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The database cannot take this call now (down, slow, breaker open, schema not ready): a
 * 503 with {@code Retry-After}, so a client keeps what it sent and tries again later.
 */
public class DatabaseUnavailableException extends ErrorResponseException {

	DatabaseUnavailableException(String detail, Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				detail + "; retry after " + seconds(retryAfter) + " s"), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
	}

	private static long seconds(Duration duration) {
		return Math.max(1, duration.toSeconds());
	}

}
