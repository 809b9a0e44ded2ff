package io.designforfailure.storefront.guard;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the items of a {@link Section} came from. */
public enum Source {

	/** Fetched from the dependency for this request. */
	LIVE("live"),

	/** An earlier live answer, kept because the dependency failed now. */
	CACHE("cache"),

	/** Data made without the dependency, such as the generic best-seller list. */
	FALLBACK("fallback");

	private final String value;

	Source(String value) {
		this.value = value;
	}

	@JsonValue
	public String value() {
		return this.value;
	}

}
