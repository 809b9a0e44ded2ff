package io.designforfailure.recommendations.history;

import java.util.Comparator;
import java.util.Map;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticViewsTests {

	private static final Catalog catalog = Catalog.load();

	private static final HistoryProperties.Seed seed = new HistoryProperties.Seed(200, 12, 42);

	@Test
	void seedsTheSameHistoryOnEveryStart() {
		ViewHistory first = seeded();
		ViewHistory second = seeded();

		assertThat(first.viewCounts()).isEqualTo(second.viewCounts());
		for (Product product : catalog.all()) {
			assertThat(first.coViewCounts(product.id())).isEqualTo(second.coViewCounts(product.id()));
		}
		assertThat(first.viewedBy("seed-user-17")).isEqualTo(second.viewedBy("seed-user-17"));
	}

	@Test
	void givesAFreshStartClearlyPopularProductsAndCoViews() {
		ViewHistory history = seeded();
		Map<String, Long> counts = history.viewCounts();

		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200 * 12);
		long most = counts.values().stream().max(Comparator.naturalOrder()).orElseThrow();
		long least = counts.values().stream().min(Comparator.naturalOrder()).orElseThrow();
		assertThat(most).isGreaterThan(3 * least);
		long withCoViews = catalog.all().stream().filter((p) -> !history.coViewCounts(p.id()).isEmpty()).count();
		assertThat(withCoViews).isGreaterThan(catalog.size() / 2);
	}

	@Test
	void seedsOnlyUsersThatNobodyTypesByAccident() {
		ViewHistory history = seeded();

		assertThat(history.viewedBy("seed-user-1")).isNotEmpty();
		assertThat(history.viewedBy("seed-user-200")).isNotEmpty();
		assertThat(history.viewedBy("seed-user-201")).isEmpty();
		assertThat(history.viewedBy("1")).isEmpty();
		assertThat(history.viewedBy("user-1")).isEmpty();
		assertThat(history.viewedBy("alice")).isEmpty();
	}

	private static ViewHistory seeded() {
		ViewHistory history = new ViewHistory(10_000, 20);
		history.replaceAll(SyntheticViews.generate(catalog, seed));
		return history;
	}

}
