package io.designforfailure.recommendations.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;

/**
 * Views by made-up users, so that a fresh start already has popular items and co-views to
 * recommend from. The same seed always gives the same views.
 */
public final class SyntheticViews {

	/**
	 * Prefix of every synthetic user. Real user ids may contain {@code -}, but nobody
	 * types {@code seed-user-17} by accident, and the prefix makes seeded data obvious in
	 * any answer.
	 */
	public static final String USER_PREFIX = "seed-user-";

	/** Share of a synthetic user's views that go to their favourite category. */
	private static final double CATEGORY_AFFINITY = 0.8;

	private SyntheticViews() {
	}

	/** The synthetic views in the order they happen. */
	public static List<View> generate(Catalog catalog, HistoryProperties.Seed seed) {
		List<View> views = new ArrayList<>();
		Random random = new Random(seed.randomSeed());
		List<Product> all = catalog.all();
		List<List<Product>> categories = List.copyOf(all.stream()
			.collect(Collectors.groupingBy(Product::category, TreeMap::new, Collectors.toList()))
			.values());
		for (int user = 1; user <= seed.users(); user++) {
			List<Product> favourite = categories.get(random.nextInt(categories.size()));
			for (int view = 0; view < seed.viewsPerUser(); view++) {
				List<Product> candidates = (random.nextDouble() < CATEGORY_AFFINITY) ? favourite : all;
				views.add(new View(USER_PREFIX + user, candidates.get(skewedIndex(random, candidates.size())).id()));
			}
		}
		return views;
	}

	/**
	 * An index biased towards the start of the list, so some products are clearly more
	 * popular than others, as in a real shop.
	 */
	private static int skewedIndex(Random random, int size) {
		double uniform = random.nextDouble();
		return (int) (uniform * uniform * size);
	}

}
