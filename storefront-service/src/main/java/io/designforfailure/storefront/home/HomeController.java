package io.designforfailure.storefront.home;

import io.designforfailure.storefront.recommendations.ProductSummary;
import io.designforfailure.storefront.recommendations.RecommendationsGateway;
import io.designforfailure.storefront.guard.Section;
import io.designforfailure.web.Inputs;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The home page: recommendations for the visitor, or the generic list when they fail. */
@RestController
class HomeController {

	private final RecommendationsGateway recommendations;

	HomeController(RecommendationsGateway recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping("/api/home")
	HomePage home(@RequestParam(name = "userId", required = false) String userId) {
		return new HomePage(this.recommendations.forUser(Inputs.userId(userId)));
	}

	/**
	 * The storefront's home answer.
	 *
	 * @param recommendations personal, popular or generic items, saying which
	 */
	record HomePage(Section<ProductSummary> recommendations) {
	}

}
