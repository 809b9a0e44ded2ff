package io.designforfailure.storefront.guard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.lang.Nullable;

/**
 * One attempt a call made to its dependency, as the section that called tells it:
 * {@code {"outcome":"timeout","ms":250}}, then
 * {@code {"outcome":"ok","ms":12,"waitedMs":63}}.
 *
 * @param outcome what the attempt got
 * @param ms how long it took, whole milliseconds
 * @param waitedMs how long the call waited before it (the backoff, or the wait the
 * dependency asked for); absent for the first
 */
public record Attempt(Outcome outcome, long ms, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long waitedMs) {

	/** What one attempt got. */
	public enum Outcome {

		/** An answer the storefront could use. */
		OK("ok"),

		/** The attempt's time, or what was left of the call's budget, ran out. */
		TIMEOUT("timeout"),

		/** No connection. */
		UNAVAILABLE("unavailable"),

		/** The dependency shed it: 503 with Retry-After, or 429. */
		OVERLOADED("overloaded"),

		/** An answer came but was unusable, or refused our request. */
		ERROR("error");

		private final String value;

		Outcome(String value) {
			this.value = value;
		}

		/** A failed attempt's outcome, named like the reason a section would show. */
		static Outcome of(Reason reason) {
			return switch (reason) {
				case TIMEOUT -> TIMEOUT;
				case UNAVAILABLE -> UNAVAILABLE;
				case OVERLOADED -> OVERLOADED;
				case ERROR, CIRCUIT_OPEN, BULKHEAD_FULL -> ERROR;
			};
		}

		@JsonValue
		public String value() {
			return this.value;
		}

	}

}
