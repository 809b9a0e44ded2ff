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
 * @param attempts the attempts this request made for it, the failed ones before a cached
 * or fallback answer too; empty when a guard made none, and then {@code reason} says why
 */
public record Section<T>(List<T> items, Source source, boolean degraded, Reason reason, Instant asOf,
		List<Attempt> attempts) {

	public Section {
		items = List.copyOf(items);
		attempts = List.copyOf(attempts);
	}

	/** What the dependency answered now, after {@code attempts}. */
	public static <T> Section<T> live(List<T> items, Instant asOf, List<Attempt> attempts) {
		return new Section<>(items, Source.LIVE, false, null, asOf, attempts);
	}

	/** An earlier live answer, served because this call failed. */
	public static <T> Section<T> cached(List<T> items, Instant asOf, DependencyFailure failure) {
		return new Section<>(items, Source.CACHE, true, failure.reason(), asOf, failure.attempts());
	}

	/** Data made without the dependency, served because this call failed. */
	public static <T> Section<T> fallback(List<T> items, Instant asOf, DependencyFailure failure) {
		return new Section<>(items, Source.FALLBACK, true, failure.reason(), asOf, failure.attempts());
	}

	/**
	 * Data made without the dependency, served because {@code reason} kept the call from
	 * being made at all.
	 */
	public static <T> Section<T> fallback(List<T> items, Instant asOf, Reason reason) {
		return new Section<>(items, Source.FALLBACK, true, reason, asOf, List.of());
	}

}
