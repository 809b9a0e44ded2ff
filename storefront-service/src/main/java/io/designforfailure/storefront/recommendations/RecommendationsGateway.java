package io.designforfailure.storefront.recommendations;

import java.time.Clock;
import java.util.List;

import io.designforfailure.storefront.resilience.DependencyFailure;
import io.designforfailure.storefront.resilience.DependencyGuard;
import io.designforfailure.storefront.resilience.DependencyGuards;
import io.designforfailure.storefront.resilience.Reason;
import io.designforfailure.storefront.resilience.Section;
import io.designforfailure.storefront.resilience.SectionMetrics;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Recommendations as the storefront sees them: personal or related items while
 * recommendations-service answers, the generic best-seller list when it does not.
 */
@Component
public class RecommendationsGateway {

	static final String DEPENDENCY = "recommendations";

	private final RecommendationsClient client;

	private final DependencyGuard guard;

	private final BestSellers bestSellers;

	private final SectionMetrics metrics;

	private final Clock clock;

	private final int limit;

	RecommendationsGateway(RecommendationsClient client, DependencyGuards guards, RecommendationsProperties properties,
			BestSellers bestSellers, SectionMetrics metrics, Clock clock) {
		this.client = client;
		this.guard = guards.guard(DEPENDENCY, properties);
		this.bestSellers = bestSellers;
		this.metrics = metrics;
		this.clock = clock;
		this.limit = properties.limit();
	}

	/** Recommendations for a user, or popular items for an anonymous visitor. */
	public Section<ProductSummary> forUser(@Nullable String userId) {
		try {
			Recommendations recommendations = this.guard.read(() -> valid(this.client.forUser(userId, this.limit)));
			if (Recommendations.POPULAR.equals(recommendations.strategy())) {
				this.bestSellers.replace(recommendations.items());
			}
			return this.metrics.served(DEPENDENCY, Section.live(recommendations.items(), this.clock.instant()));
		}
		catch (DependencyFailure failure) {
			return this.metrics.served(DEPENDENCY, generic(failure.reason(), null));
		}
	}

	/**
	 * Products related to {@code productId}; the generic list, without that product, when
	 * that fails.
	 */
	public Section<ProductSummary> related(String productId) {
		try {
			Recommendations related = this.guard.read(() -> valid(this.client.related(productId, this.limit)));
			return this.metrics.served(DEPENDENCY, Section.live(related.items(), this.clock.instant()));
		}
		catch (DependencyFailure failure) {
			return this.metrics.served(DEPENDENCY, generic(failure.reason(), productId));
		}
	}

	/**
	 * The generic list in place of related items, for when the call could not even be
	 * made.
	 */
	public Section<ProductSummary> relatedWithout(String productId, Reason reason) {
		return this.metrics.served(DEPENDENCY, generic(reason, productId));
	}

	/**
	 * Asks for the popular list and keeps it as the generic list; a failure keeps the old
	 * one.
	 */
	void refreshBestSellers() {
		try {
			this.bestSellers.replace(this.guard.read(() -> valid(this.client.forUser(null, this.limit))).items());
		}
		catch (DependencyFailure failure) {
			// The current list stays; the breaker and the metrics have already recorded
			// the failure.
		}
	}

	private Section<ProductSummary> generic(Reason reason, @Nullable String excludedId) {
		BestSellers.Snapshot snapshot = this.bestSellers.snapshot();
		List<ProductSummary> items = snapshot.items()
			.stream()
			.filter((item) -> !item.id().equals(excludedId))
			.limit(this.limit)
			.toList();
		return Section.fallback(items, snapshot.asOf(), reason);
	}

	private static Recommendations valid(Recommendations recommendations) {
		if (recommendations == null || recommendations.items() == null
				|| !recommendations.items().stream().allMatch(ProductSummary::isComplete)) {
			throw new DependencyFailure(Reason.ERROR, null, DEPENDENCY + ": malformed answer", null);
		}
		return recommendations;
	}

}
