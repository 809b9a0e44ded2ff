package io.designforfailure.storefront.guard;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a section is degraded: the guard that acted, or the kind of failure it saw. */
public enum Reason {

	/** An attempt or the whole budget ran out. */
	TIMEOUT("timeout"),

	/** The circuit breaker refused the call. */
	CIRCUIT_OPEN("circuit-open"),

	/** Too many calls to the dependency were already in flight. */
	BULKHEAD_FULL("bulkhead-full"),

	/**
	 * The dependency shed the call (503 with Retry-After, or 429), or the storefront held
	 * it back because the dependency is shedding.
	 */
	OVERLOADED("overloaded"),

	/** No connection: refused, reset before a response, unknown host. */
	UNAVAILABLE("unavailable"),

	/**
	 * A response came but was unusable: 5xx, malformed, oversized, wrong type or shape.
	 */
	ERROR("error");

	private final String value;

	Reason(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

}
