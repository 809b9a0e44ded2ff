package io.designforfailure.storefront.recommendations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the generic list close to what is really popular, in the background. */
@Component
@ConditionalOnProperty(name = "storefront.recommendations.best-sellers.refresh-enabled", havingValue = "true")
class BestSellersRefresh {

	private final RecommendationsGateway recommendations;

	BestSellersRefresh(RecommendationsGateway recommendations) {
		this.recommendations = recommendations;
	}

	@Scheduled(fixedDelayString = "${storefront.recommendations.best-sellers.refresh-interval}")
	void refresh() {
		this.recommendations.refreshBestSellers();
	}

}
