package io.designforfailure.storefront.recommendations;

import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** recommendations-service's API, as the storefront calls it. */
@HttpExchange(accept = "application/json")
interface RecommendationsClient {

	/**
	 * Personal recommendations, or the popular list when {@code userId} is {@code null}.
	 */
	@GetExchange("/api/recommendations")
	Recommendations forUser(@RequestParam(name = "userId", required = false) @Nullable String userId,
			@RequestParam("limit") int limit);

	@GetExchange("/api/recommendations/products/{id}")
	Recommendations related(@PathVariable("id") String productId, @RequestParam("limit") int limit);

	@PostExchange(url = "/api/events/views", contentType = "application/json")
	ViewReceipt recordView(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@RequestBody ViewEvent view);

}
