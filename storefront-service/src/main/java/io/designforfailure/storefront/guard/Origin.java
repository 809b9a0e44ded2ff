package io.designforfailure.storefront.guard;

import io.micrometer.tracing.TraceContext;

import org.springframework.lang.Nullable;

/**
 * Where a call that is made later, on another thread, comes from: the trace of the
 * request that asked for it, so that a view recorded by a product page, and every
 * redelivery of it a minute later, shows in that page's trace. Opaque to the features
 * that keep it; only the guard reads it.
 */
public final class Origin {

	private static final Origin NONE = new Origin(null);

	@Nullable
	private final TraceContext trace;

	Origin(@Nullable TraceContext trace) {
		this.trace = trace;
	}

	/** No request: a call made for no one in particular continues no trace. */
	public static Origin none() {
		return NONE;
	}

	@Nullable
	TraceContext trace() {
		return this.trace;
	}

}
