package io.designforfailure.benchmark.shoppers;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JourneyTests {

	private static final URI STOREFRONT = URI.create("http://storefront:8080");

	private static final int PAGES = 10_000;

	private final Catalog catalog = Catalog.load();

	private final Journey journey = new Journey(STOREFRONT, this.catalog);

	/** A fixed seed: the same pages every run, so the shares below cannot flake. */
	private final Random random = new Random(42);

	@Test
	void everyPageIsOnTheStorefrontOnly() {
		for (int page = 0; page < PAGES; page++) {
			URI next = this.journey.next(page % 3, this.random);
			assertThat(next.getScheme()).isEqualTo("http");
			assertThat(next.getAuthority()).isEqualTo("storefront:8080");
			assertThat(next.getPath()).matches("/api/(home|search|products/p-\\d{4})");
		}
	}

	@Test
	void mixesHomeSearchesAndProductPagesThreeFourThree() {
		Map<String, Integer> pages = new HashMap<>();
		for (int page = 0; page < PAGES; page++) {
			pages.merge(kind(this.journey.next(0, this.random)), 1, Integer::sum);
		}
		assertThat(pages.get("home") / (double) PAGES).isCloseTo(0.3, within(0.02));
		assertThat(pages.get("search") / (double) PAGES).isCloseTo(0.4, within(0.02));
		assertThat(pages.get("products") / (double) PAGES).isCloseTo(0.3, within(0.02));
	}

	@Test
	void eachShopperKeepsItsOwnUserId() {
		for (int page = 0; page < 100; page++) {
			URI next = this.journey.next(7, this.random);
			if (!next.getPath().equals("/api/search")) {
				assertThat(next.getQuery()).isEqualTo("userId=shopper-7");
			}
		}
	}

	@Test
	void queriesAreTheCatalogsCategoriesNameWordsAndNames() {
		List<String> categories = this.catalog.all().stream().map(Product::category).distinct().toList();
		assertThat(this.journey.queries()).startsWith(categories.toArray(String[]::new))
			.contains("running", "trail running shoes", "shoes")
			.doesNotHaveDuplicates()
			.allSatisfy((query) -> assertThat(this.catalog.all())
				.anyMatch((product) -> product.name().toLowerCase(Locale.ROOT).contains(query)
						|| product.category().equals(query)));
		assertThat(this.journey.queries().size()).isGreaterThan(this.catalog.size());
	}

	@Test
	void popularQueriesAreAskedOftenAndTheLongTailRarely() {
		Map<String, Integer> asked = new HashMap<>();
		int searches = 0;
		for (int page = 0; page < PAGES; page++) {
			URI next = this.journey.next(0, this.random);
			if (next.getPath().equals("/api/search")) {
				searches++;
				asked.merge(URLDecoder.decode(next.getRawQuery().substring("q=".length()), StandardCharsets.UTF_8), 1,
						Integer::sum);
			}
		}
		List<String> queries = this.journey.queries();
		String mostPopular = queries.get(0);
		String rare = queries.get(queries.size() - 1);
		assertThat(asked.get(mostPopular)).isGreaterThan(searches / 20);
		assertThat(asked.getOrDefault(rare, 0)).isLessThan(searches / 200);
		assertThat(asked).hasSizeGreaterThan(queries.size() / 2);
	}

	private static String kind(URI page) {
		return page.getPath().split("/")[2];
	}

}
