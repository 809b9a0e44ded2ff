package io.designforfailure.storefront.search;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** search-service's API, as the storefront calls it. */
@HttpExchange(accept = "application/json")
interface SearchClient {

	@GetExchange("/api/search")
	SearchResults search(@RequestParam("q") String query, @RequestParam("limit") int limit);

	@GetExchange("/api/products/{id}")
	ProductDetails product(@PathVariable("id") String id);

}
