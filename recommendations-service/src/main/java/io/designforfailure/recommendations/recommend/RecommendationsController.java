package io.designforfailure.recommendations.recommend;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;
import io.designforfailure.web.FieldProblem;
import io.designforfailure.web.ProductId;
import io.designforfailure.web.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendations for a user or an anonymous visitor, and products related to a product.
 */
@RestController
@RequestMapping("/api/recommendations")
class RecommendationsController {

	private static final String LIMIT_RANGE = "must be between 1 and 50";

	private final Catalog catalog;

	private final Recommender recommender;

	RecommendationsController(Catalog catalog, Recommender recommender) {
		this.catalog = catalog;
		this.recommender = recommender;
	}

	@GetMapping
	UserRecommendations forUser(@RequestParam(required = false) @UserId String userId,
			@RequestParam(defaultValue = "10") @Min(value = 1, message = LIMIT_RANGE) @Max(value = 50,
					message = LIMIT_RANGE) int limit) {
		return this.recommender.forUser(userId, limit);
	}

	@GetMapping("/products/{id}")
	ProductRecommendations forProduct(@PathVariable @ProductId String id,
			@RequestParam(defaultValue = "10") @Min(value = 1, message = LIMIT_RANGE) @Max(value = 50,
					message = LIMIT_RANGE) int limit) {
		Product product = this.catalog.find(id)
			.orElseThrow(() -> FieldProblem.notFound("id", "id " + id + " is not a product"));
		return this.recommender.forProduct(product, limit);
	}

}
