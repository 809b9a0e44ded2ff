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

import io.designforfailure.catalog.Catalog;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The generic list shown instead of recommendations when recommendations-service cannot
 * answer. Computed ahead of time, never fetched on the failing path: it starts from the
 * list shipped in {@code best-sellers.txt} and follows the last good popular answer.
 */
@Component
public class BestSellers {

	private final Clock clock;

	private final AtomicReference<Snapshot> current;

	BestSellers(Clock clock) {
		this.clock = clock;
		this.current = new AtomicReference<>(new Snapshot(shipped(), clock.instant()));
	}

	/** The current list and when it was made. */
	Snapshot snapshot() {
		return this.current.get();
	}

	void replace(List<ProductSummary> items) {
		if (!items.isEmpty()) {
			this.current.set(new Snapshot(items, this.clock.instant()));
		}
	}

	public int size() {
		return snapshot().items().size();
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
