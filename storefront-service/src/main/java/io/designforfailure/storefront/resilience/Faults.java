package io.designforfailure.storefront.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.designforfailure.storefront.http.AttemptTimedOutException;
import io.designforfailure.storefront.http.BodyTooLargeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.lang.Nullable;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Classifies what a dependency client threw. Transient, and so worth another attempt: I/O
 * errors, attempt timeouts, 502, 503 and 504, and a 429 that says when to come back. A
 * 500 means a bug, not a passing fault; malformed, oversized or mistyped answers will not
 * mend on a second try either.
 */
final class Faults {

	private final Clock clock;

	Faults(Clock clock) {
		this.clock = clock;
	}

	Fault classify(RuntimeException ex) {
		if (ex instanceof DependencyFailure failure) {
			return new Fault(failure.reason(), failure.status(), false, null, failure instanceof ClientErrorFailure,
					ex);
		}
		if (ex instanceof AttemptTimedOutException) {
			return new Fault(Reason.TIMEOUT, null, true, null, false, ex);
		}
		if (hasCause(ex, BodyTooLargeException.class) || hasCause(ex, JsonProcessingException.class)) {
			// Oversized or unreadable: the same answer would come back on a second try.
			return new Fault(Reason.ERROR, null, false, null, false, ex);
		}
		if (ex instanceof RestClientResponseException response) {
			return classifyStatus(response.getStatusCode(), response.getResponseHeaders(), ex);
		}
		if (hasCause(ex, SocketTimeoutException.class)) {
			return new Fault(Reason.TIMEOUT, null, true, null, false, ex);
		}
		if (ex instanceof ResourceAccessException && isNoConnection(ex)) {
			// HttpClient reports garbage instead of a status line as no response at all,
			// so it lands here too.
			return new Fault(Reason.UNAVAILABLE, null, true, null, false, ex);
		}
		if (hasCause(ex, IOException.class)) {
			// A broken answer: garbage instead of a status line, a malformed chunk, a
			// reset mid-body.
			return new Fault(Reason.ERROR, null, true, null, false, ex);
		}
		// Unreadable JSON, the wrong content type, the wrong shape.
		return new Fault(Reason.ERROR, null, false, null, false, ex);
	}

	private Fault classifyStatus(HttpStatusCode status, @Nullable HttpHeaders headers, RuntimeException ex) {
		Duration retryAfter = retryAfter(headers);
		return switch (status.value()) {
			case 502, 504 -> new Fault(Reason.ERROR, status, true, null, false, ex);
			case 503 -> new Fault(Reason.ERROR, status, true, retryAfter, false, ex);
			case 429 -> new Fault(Reason.ERROR, status, retryAfter != null, retryAfter, false, ex);
			default -> new Fault(Reason.ERROR, status, false, null, status.is4xxClientError(), ex);
		};
	}

	private static boolean isNoConnection(Throwable ex) {
		return hasCause(ex, ConnectException.class) || hasCause(ex, ConnectTimeoutException.class)
				|| hasCause(ex, UnknownHostException.class) || hasCause(ex, NoRouteToHostException.class)
				|| hasCause(ex, NoHttpResponseException.class) || hasCause(ex, SocketException.class);
	}

	/**
	 * Retry-After in delta-seconds or as an HTTP date; {@code null} when absent or
	 * unreadable.
	 */
	@Nullable
	Duration retryAfter(@Nullable HttpHeaders headers) {
		String value = (headers != null) ? headers.getFirst(HttpHeaders.RETRY_AFTER) : null;
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return true;
			}
			if (candidate.getCause() == candidate) {
				return false;
			}
		}
		return false;
	}

}
