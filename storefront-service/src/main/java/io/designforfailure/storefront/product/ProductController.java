package io.designforfailure.storefront.product;

import java.util.concurrent.CompletableFuture;

import io.designforfailure.storefront.guard.Section;
import io.designforfailure.storefront.recommendations.ProductSummary;
import io.designforfailure.storefront.recommendations.RecommendationsGateway;
import io.designforfailure.storefront.recommendations.ViewRecorder;
import io.designforfailure.storefront.search.ProductDetails;
import io.designforfailure.storefront.search.SearchGateway;
import io.designforfailure.web.Inputs;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A product page: the product from search and related items from recommendations, fetched
 * in parallel so the page waits for the slower of the two, not their sum.
 */
@RestController
class ProductController {

	/**
	 * Views by visitors who did not say who they are still count towards what is popular.
	 */
	static final String ANONYMOUS = "anonymous";

	private final SearchGateway search;

	private final RecommendationsGateway recommendations;

	private final ViewRecorder views;

	ProductController(SearchGateway search, RecommendationsGateway recommendations, ViewRecorder views) {
		this.search = search;
		this.recommendations = recommendations;
		this.views = views;
	}

	@GetMapping("/api/products/{id}")
	ProductPage product(@PathVariable String id, @RequestParam(name = "userId", required = false) String userId) {
		String productId = Inputs.productId(id);
		String viewer = Inputs.userId(userId);
		CompletableFuture<Section<ProductSummary>> related = this.recommendations.relatedInParallel(productId);
		Section<ProductDetails> product = this.search.product(productId);
		this.views.record((viewer != null) ? viewer : ANONYMOUS, productId);
		return new ProductPage(product, related.join());
	}

	/**
	 * The storefront's product answer.
	 *
	 * @param product the one product, or empty with a reason
	 * @param related related items, or the generic list
	 */
	record ProductPage(Section<ProductDetails> product, Section<ProductSummary> related) {
	}

}
