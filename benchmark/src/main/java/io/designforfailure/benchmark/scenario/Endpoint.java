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
	MIXED;

	/**
	 * Few enough that each is cached before a fault; several so the cache is really used.
	 */
	private static final List<String> QUERIES = List.of("running+shoes", "tent", "jacket", "backpack", "lamp", "coffee",
			"headphones", "yoga", "bike", "kettle");

	BiFunction<Integer, Integer, URI> on(ServiceProcess storefront) {
		return (user, iteration) -> storefront.uri(path(user, iteration));
	}

	private String path(int user, int iteration) {
		boolean search = (this == SEARCH) || (this == MIXED && iteration % 2 == 1);
		if (search) {
			return "/api/search?q=" + QUERIES.get((user + iteration) % QUERIES.size());
		}
		return "/api/home?userId=u-" + user;
	}

}
