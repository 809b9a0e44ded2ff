package io.designforfailure.storefront.recommendations;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.designforfailure.storefront.guard.DependencyFailure;
import io.designforfailure.storefront.guard.DependencyGuard;
import io.designforfailure.storefront.guard.DependencyGuards;
import io.designforfailure.storefront.guard.DependencyReporter;
import io.designforfailure.storefront.guard.Guarded;
import io.designforfailure.storefront.guard.Reason;
import io.designforfailure.storefront.guard.Section;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Recommendations as the storefront sees them: personal or related items while
 * recommendations-service answers, the generic best-seller list when it does not.
 */
@Component
public class RecommendationsGateway implements DependencyReporter {

	private final RecommendationsClient client;

	private final DependencyGuard guard;

	private final BestSellers bestSellers;

	private final ThreadPoolBulkhead relatedFetchers;

	private final Clock clock;

	private final int limit;

	RecommendationsGateway(RecommendationsClient client, DependencyGuards guards, RecommendationsProperties properties,
			ThreadPoolBulkheadRegistry threadPoolBulkheads, BestSellers bestSellers, Clock clock) {
		this.client = client;
		this.guard = guards.guard(properties);
		this.relatedFetchers = threadPoolBulkheads.bulkhead(properties.relatedItemsBulkhead());
		this.bestSellers = bestSellers;
		this.clock = clock;
		this.limit = properties.limit();
	}

	/** Recommendations for a user, or popular items for an anonymous visitor. */
	public Section<ProductSummary> forUser(@Nullable String userId) {
		try {
			Guarded<Recommendations> recommendations = this.guard
				.read(() -> valid(this.client.forUser(userId, this.limit)));
			Section<ProductSummary> live = Section.live(recommendations.value().items(), this.clock.instant(),
					recommendations.attempts());
			if (Recommendations.POPULAR.equals(recommendations.value().strategy())) {
				this.bestSellers.replace(live.items(), live.asOf());
			}
			return this.guard.served(live);
		}
		catch (DependencyFailure failure) {
			return this.guard.served(generic(failure, null));
		}
	}

	/**
	 * Products related to {@code productId}; the generic list, without that product, when
	 * that fails.
	 */
	public Section<ProductSummary> related(String productId) {
		try {
			Guarded<Recommendations> related = this.guard.read(() -> valid(this.client.related(productId, this.limit)));
			return this.guard.served(Section.live(related.value().items(), this.clock.instant(), related.attempts()));
		}
		catch (DependencyFailure failure) {
			return this.guard.served(generic(failure, productId));
		}
	}

	/**
	 * {@link #related} on a thread of the related-items bulkhead, so that a page can
	 * fetch something else meanwhile. When every one of its threads is busy, the generic
	 * list at once: a page never waits for a thread.
	 */
	public CompletableFuture<Section<ProductSummary>> relatedInParallel(String productId) {
		try {
			return this.relatedFetchers.executeSupplier(() -> related(productId)).toCompletableFuture();
		}
		catch (BulkheadFullException ex) {
			BestSellers.Snapshot snapshot = this.bestSellers.snapshot();
			return CompletableFuture.completedFuture(this.guard
				.served(Section.fallback(generic(snapshot, productId), snapshot.asOf(), Reason.BULKHEAD_FULL)));
		}
	}

	@Override
	public String dependency() {
		return this.guard.name();
	}

	/** The generic list's length: what is kept for when recommendations fail. */
	@Override
	public Map<String, Object> details() {
		return Map.of("cacheSize", this.bestSellers.size());
	}

	/**
	 * Asks for the popular list and keeps it as the generic list; a failure keeps the old
	 * one.
	 */
	void refreshBestSellers() {
		try {
			List<ProductSummary> popular = this.guard.read(() -> valid(this.client.forUser(null, this.limit)))
				.value()
				.items();
			this.bestSellers.replace(popular, this.clock.instant());
		}
		catch (DependencyFailure failure) {
			// The current list stays; the breaker and the metrics have already recorded
			// the failure.
		}
	}

	/** The generic list, served because {@code failure} ended the call. */
	private Section<ProductSummary> generic(DependencyFailure failure, @Nullable String excludedId) {
		BestSellers.Snapshot snapshot = this.bestSellers.snapshot();
		return Section.fallback(generic(snapshot, excludedId), snapshot.asOf(), failure);
	}

	private List<ProductSummary> generic(BestSellers.Snapshot snapshot, @Nullable String excludedId) {
		return snapshot.items().stream().filter((item) -> !item.id().equals(excludedId)).limit(this.limit).toList();
	}

	private Recommendations valid(Recommendations recommendations) {
		if (recommendations == null || recommendations.items() == null
				|| !recommendations.items().stream().allMatch(ProductSummary::hasEveryField)) {
			throw DependencyFailure.malformed(this.guard.name(), "recommendations without complete items");
		}
		return recommendations;
	}

}
