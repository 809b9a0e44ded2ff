package io.designforfailure.storefront.recommendations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.type.TypeReference;
import io.designforfailure.catalog.Catalog;
import io.designforfailure.storefront.guard.SharedAnswers;
import io.designforfailure.storefront.guard.SharedCache;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The generic list shown instead of recommendations when recommendations-service cannot
 * answer. Computed ahead of time, never fetched from recommendations-service on the
 * failing path: it starts from the list shipped in {@code best-sellers.txt} and follows
 * the last good popular answer, this replica's or, through the shared level, any
 * replica's.
 */
@Component
public class BestSellers {

	/** The one key of the list in the shared level. */
	private static final String KEY = "popular";

	private final Clock clock;

	private final Snapshot shipped;

	private final AtomicReference<Snapshot> current;

	private final SharedAnswers<List<ProductSummary>> shared;

	BestSellers(Clock clock, SharedCache sharedCache, RecommendationsProperties properties) {
		this.clock = clock;
		this.shipped = new Snapshot(shipped(), clock.instant());
		this.current = new AtomicReference<>(this.shipped);
		this.shared = sharedCache.shared("best-sellers", properties.bestSellers().timeToLive(), new TypeReference<>() {
		});
	}

	/**
	 * The current list and when it was made. Until this replica has seen a popular list
	 * of its own, the one another replica shared, if any.
	 */
	Snapshot snapshot() {
		Snapshot local = this.current.get();
		if (local != this.shipped) {
			return local;
		}
		this.shared.get(KEY)
			.ifPresent((fromShared) -> this.current.compareAndSet(local,
					new Snapshot(fromShared.answer(), fromShared.asOf())));
		return this.current.get();
	}

	/** Makes {@code items}, fetched live at {@code asOf}, the list, here and shared. */
	void replace(List<ProductSummary> items, Instant asOf) {
		if (!items.isEmpty()) {
			Snapshot made = new Snapshot(items, asOf);
			this.current.set(made);
			this.shared.put(KEY, made.items(), made.asOf());
		}
	}

	public int size() {
		return this.current.get().items().size();
	}

	private static List<ProductSummary> shipped() {
		Catalog catalog = Catalog.load();
		ClassPathResource resource = new ClassPathResource("best-sellers.txt");
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((id) -> catalog.find(id)
					.orElseThrow(() -> new IllegalStateException("best-sellers.txt names unknown product " + id)))
				.map(ProductSummary::of)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read best-sellers.txt", ex);
		}
	}

	/**
	 * The list at one moment.
	 *
	 * @param items the best sellers
	 * @param asOf when the list was made
	 */
	record Snapshot(List<ProductSummary> items, Instant asOf) {
	}

}
