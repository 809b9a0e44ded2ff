package io.designforfailure.web.shedding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The adaptive concurrency limit on {@code /api/*}.
 *
 * @param enabled whether requests over the limit are shed
 * @param limit how the limit adapts: {@code gradient2} follows the ratio of the long-term
 * to the current round-trip time, {@code vegas} estimates the queue from the shortest
 * round trip seen
 * @param initialLimit concurrent requests allowed before any measurement
 * @param minLimit the limit never falls below this (Gradient2 only; Vegas has no floor)
 * @param maxLimit the limit never rises above this; keep it below the server's worker
 * threads so that shedding always has a thread to answer with
 */
@ConfigurationProperties("service.load-shedding")
public record LoadSheddingProperties(@DefaultValue("false") boolean enabled, @DefaultValue("vegas") Algorithm limit,
		@DefaultValue("20") int initialLimit, @DefaultValue("4") int minLimit, @DefaultValue("100") int maxLimit) {

	/** The adaptive limits the service can use. */
	public enum Algorithm {

		/** Netflix's Gradient2Limit. */
		GRADIENT2,

		/** Netflix's VegasLimit. */
		VEGAS

	}

}
