package io.designforfailure.storefront.guard;

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
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.lang.Nullable;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Classifies what a dependency client threw. Transient, and so worth another attempt: I/O
 * errors, attempt timeouts, 502, 504 and a 503 that does not say when to come back. A 503
 * with {@code Retry-After} and a 429 are the dependency shedding load: worth another
 * attempt only after the wait it asked for. A 500 means a bug, not a passing fault;
 * malformed, oversized or mistyped answers will not mend on a second try either.
 */
final class Faults {

	private final Clock clock;

	Faults(Clock clock) {
		this.clock = clock;
	}

	Fault classify(RuntimeException ex) {
		if (ex instanceof DependencyFailure) {
			// The gateway found the answer unusable: incomplete, or not what was asked.
			return Fault.lasting(ex);
		}
		if (ex instanceof AttemptTimedOutException) {
			return Fault.passing(Reason.TIMEOUT, ex);
		}
		if (hasCause(ex, BodyTooLargeException.class) || hasCause(ex, JsonProcessingException.class)) {
			return Fault.lasting(ex);
		}
		if (ex instanceof RestClientResponseException response) {
			return classifyStatus(response.getStatusCode(), response.getResponseHeaders(), ex);
		}
		if (ex instanceof ResourceAccessException && isNoConnection(ex)) {
			// Before the read timeout: HttpClient's ConnectTimeoutException is a
			// SocketTimeoutException too, yet no connection is not a slow answer. Garbage
			// instead of a status line is reported as no response at all, so it lands
			// here.
			return Fault.passing(Reason.UNAVAILABLE, ex);
		}
		if (hasCause(ex, SocketTimeoutException.class)) {
			return Fault.passing(Reason.TIMEOUT, ex);
		}
		if (hasCause(ex, IOException.class)) {
			// A broken answer: a malformed chunk, a reset mid-body.
			return Fault.passing(Reason.ERROR, ex);
		}
		// Unreadable JSON, the wrong content type, the wrong shape, an incomplete item.
		return Fault.lasting(ex);
	}

	private Fault classifyStatus(HttpStatusCode status, @Nullable HttpHeaders headers, RuntimeException ex) {
		Duration retryAfter = retryAfter(headers);
		return switch (status.value()) {
			case 502, 504 -> Fault.passingStatus(status, ex);
			case 503 -> (retryAfter != null) ? Fault.shed(status, retryAfter, ex) : Fault.passingStatus(status, ex);
			case 429 -> Fault.shed(status, retryAfter, ex);
			default -> status.is4xxClientError() ? Fault.refused(status, ex) : Fault.lastingStatus(status, ex);
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
