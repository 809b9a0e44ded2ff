package io.designforfailure.web.deadline;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How long the caller of the current request will still wait, fixed when the request
 * arrived from its {@value #HEADER} header. A request without the header, or with a value
 * that is not a non-negative whole number, has no deadline. Read it on the request thread
 * with {@link #current()}; work handed to another thread takes it along.
 */
public final class RequestDeadline {

	/** The header a caller states its remaining patience in, as whole milliseconds. */
	public static final String HEADER = "X-Request-Timeout-Ms";

	static final String ATTRIBUTE = RequestDeadline.class.getName();

	private static final RequestDeadline NONE = new RequestDeadline(Long.MAX_VALUE, System::nanoTime, false);

	private final long expiresAtNanos;

	private final LongSupplier nanoClock;

	private final boolean present;

	private RequestDeadline(long expiresAtNanos, LongSupplier nanoClock, boolean present) {
		this.expiresAtNanos = expiresAtNanos;
		this.nanoClock = nanoClock;
		this.present = present;
	}

	/** The deadline of the request this thread serves, or none. */
	public static RequestDeadline current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object deadline = (attributes != null) ? attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
				: null;
		return (deadline instanceof RequestDeadline found) ? found : NONE;
	}

	/** No deadline: the caller did not say, or said something unreadable. */
	public static RequestDeadline none() {
		return NONE;
	}

	/**
	 * The deadline {@code header} sets from now, at most {@code max} away; none if the
	 * header is absent or not a non-negative whole number of milliseconds.
	 */
	static RequestDeadline parse(@Nullable String header, Duration max, LongSupplier nanoClock) {
		if (header == null || header.isEmpty() || !header.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return NONE;
		}
		// Thirteen digits and more are past any cap; they are not worth parsing.
		long millis = (header.length() > 12) ? Long.MAX_VALUE : Long.parseLong(header);
		long timeoutNanos = Duration.ofMillis(Math.min(millis, max.toMillis())).toNanos();
		return new RequestDeadline(nanoClock.getAsLong() + timeoutNanos, nanoClock, true);
	}

	static RequestDeadline of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof RequestDeadline found) ? found : NONE;
	}

	/** Whether the caller gave a deadline at all. */
	public boolean isPresent() {
		return this.present;
	}

	/** Time left until the deadline, never negative; empty if there is no deadline. */
	public Optional<Duration> remaining() {
		if (!this.present) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(Math.max(0, this.expiresAtNanos - this.nanoClock.getAsLong())));
	}

	/**
	 * Time left until the deadline, or {@code otherwise} if there is none: a statement
	 * timeout, for example, is {@code remainingOr(Duration.ofMillis(500))}.
	 */
	public Duration remainingOr(Duration otherwise) {
		return remaining().orElse(otherwise);
	}

	/** Whether nobody waits for the answer any more. */
	public boolean isExpired() {
		return this.present && this.nanoClock.getAsLong() - this.expiresAtNanos >= 0;
	}

}
