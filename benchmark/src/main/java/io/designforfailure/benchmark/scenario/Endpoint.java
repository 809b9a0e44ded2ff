package io.designforfailure.benchmark.scenario;

import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;

import io.designforfailure.launcher.ServiceProcess;

/** Which storefront page the users ask for. */
enum Endpoint {

	/** The home page: needs recommendations. */
	HOME,

	/** A search: needs search. */
	SEARCH,

	/** Home and search taking turns. */
	MIXED,

	/**
	 * A product page: the product from search, related items from recommendations, and a
	 * view recorded in the background.
	 */
	PRODUCT,

	/** Home, search and product page in turn: the warm-up, so every path is compiled. */
	EVERY_PAGE;

	/**
	 * Few enough that each is cached before a fault; several so the cache is really used.
	 */
	private static final List<String> QUERIES = List.of("running+shoes", "tent", "jacket", "backpack", "lamp", "coffee",
			"headphones", "yoga", "bike", "kettle");

	BiFunction<Integer, Integer, URI> on(ServiceProcess storefront) {
		return (user, iteration) -> storefront.uri(path(user, iteration));
	}

	/** Ten of the catalog's products, each cached by the storefront before a fault. */
	private static final List<String> PRODUCTS = List.of("p-0001", "p-0012", "p-0023", "p-0034", "p-0045", "p-0056",
			"p-0067", "p-0078", "p-0089", "p-0100");

	private String path(int user, int iteration) {
		Endpoint page = switch (this) {
			case MIXED -> (iteration % 2 == 1) ? SEARCH : HOME;
			case EVERY_PAGE -> List.of(HOME, SEARCH, PRODUCT).get(iteration % 3);
			default -> this;
		};
		return switch (page) {
			case SEARCH -> "/api/search?q=" + QUERIES.get((user + iteration) % QUERIES.size());
			case PRODUCT ->
				"/api/products/" + PRODUCTS.get((user + iteration) % PRODUCTS.size()) + "?userId=" + userId(user);
			default -> "/api/home?userId=" + userId(user);
		};
	}

	/** The user id a virtual user gives the storefront. */
	static String userId(int user) {
		return "u-" + user;
	}

}
