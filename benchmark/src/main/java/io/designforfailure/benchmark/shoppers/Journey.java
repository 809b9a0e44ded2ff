package io.designforfailure.benchmark.shoppers;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;

/**
 * What a shopper looks at next: the home page, a search or a product page, with queries
 * and products drawn from the catalog the way people shop, a few popular queries asked
 * often and a long tail asked rarely, so the storefront's search cache has both hits and
 * misses.
 */
final class Journey {

	/** Out of 10 pages: 3 home, 4 searches, 3 product pages. */
	private static final int HOME_IN_TEN = 3;

	private static final int SEARCH_IN_TEN = 4;

	private final URI storefront;

	private final List<String> queries;

	private final List<String> productIds;

	private final double[] queryWeights;

	Journey(URI storefront, Catalog catalog) {
		this.storefront = storefront;
		this.queries = queries(catalog);
		this.productIds = catalog.all().stream().map(Product::id).toList();
		this.queryWeights = zipf(this.queries.size());
	}

	/** The next page of one shopper, who keeps one user id across its visits. */
	URI next(int shopper, RandomGenerator random) {
		int dice = random.nextInt(10);
		String path;
		if (dice < HOME_IN_TEN) {
			path = "/api/home?userId=shopper-" + shopper;
		}
		else if (dice < HOME_IN_TEN + SEARCH_IN_TEN) {
			path = "/api/search?q=" + URLEncoder.encode(query(random), StandardCharsets.UTF_8);
		}
		else {
			path = "/api/products/" + this.productIds.get(random.nextInt(this.productIds.size())) + "?userId=shopper-"
					+ shopper;
		}
		return this.storefront.resolve(path);
	}

	/** Every query a shopper may type, most popular first. */
	List<String> queries() {
		return this.queries;
	}

	private String query(RandomGenerator random) {
		double point = random.nextDouble();
		for (int rank = 0; rank < this.queryWeights.length; rank++) {
			point -= this.queryWeights[rank];
			if (point < 0) {
				return this.queries.get(rank);
			}
		}
		return this.queries.get(this.queries.size() - 1);
	}

	/**
	 * Categories first (what most people type), then single words of product names, then
	 * whole names (what someone who knows the product types).
	 */
	private static List<String> queries(Catalog catalog) {
		Set<String> queries = new LinkedHashSet<>();
		catalog.all().forEach((product) -> queries.add(product.category().toLowerCase(Locale.ROOT)));
		for (Product product : catalog.all()) {
			for (String word : product.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
				if (word.length() > 3) {
					queries.add(word);
				}
			}
		}
		catalog.all().forEach((product) -> queries.add(product.name().toLowerCase(Locale.ROOT)));
		return new ArrayList<>(queries);
	}

	/** Zipf's law: the query of rank r is asked in proportion to 1 / r. */
	private static double[] zipf(int size) {
		double[] weights = new double[size];
		double sum = 0;
		for (int rank = 0; rank < size; rank++) {
			weights[rank] = 1.0 / (rank + 1);
			sum += weights[rank];
		}
		for (int rank = 0; rank < size; rank++) {
			weights[rank] /= sum;
		}
		return weights;
	}

}
