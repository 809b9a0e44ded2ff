package io.designforfailure.storefront.guard;

import java.time.Instant;
import java.util.List;

/**
 * One part of a storefront answer, saying where its data came from so that degradation is
 * always visible.
 *
 * @param <T> the item type
 * @param items the items, never {@code null}
 * @param source live, cache or fallback
 * @param degraded whether the dependency failed for this answer
 * @param reason why it is degraded, {@code null} when live
 * @param asOf when the data was fetched from the dependency, or made for a fallback
 */
public record Section<T>(List<T> items, Source source, boolean degraded, Reason reason, Instant asOf) {

	public Section {
		items = List.copyOf(items);
	}

	public static <T> Section<T> live(List<T> items, Instant asOf) {
		return new Section<>(items, Source.LIVE, false, null, asOf);
	}

	public static <T> Section<T> cached(List<T> items, Instant asOf, Reason reason) {
		return new Section<>(items, Source.CACHE, true, reason, asOf);
	}

	public static <T> Section<T> fallback(List<T> items, Instant asOf, Reason reason) {
		return new Section<>(items, Source.FALLBACK, true, reason, asOf);
	}

}
