package io.designforfailure.recommendations.recommend;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.catalog.Product;
import io.designforfailure.recommendations.history.ViewHistory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Chooses recommendations from the view history, strongest evidence first: co-views, then
 * shared categories, then popularity.
 */
@Component
class Recommender {

	private final Catalog catalog;

	private final ViewHistory history;

	Recommender(Catalog catalog, ViewHistory history) {
		this.catalog = catalog;
		this.history = history;
	}

	/**
	 * Products co-viewed with what the user viewed, then products from the same
	 * categories, then popular ones, leaving out what the user already saw. Popular ones
	 * only when the user is anonymous or has no views.
	 */
	UserRecommendations forUser(@Nullable String userId, int limit) {
		List<String> viewed = (userId != null) ? this.history.viewedBy(userId) : List.of();
		Map<String, Long> popularity = this.history.viewCounts();
		if (viewed.isEmpty()) {
			return new UserRecommendations(userId, Strategy.POPULAR, summaries(popular(popularity), limit));
		}
		Map<String, Long> coViews = new HashMap<>();
		for (String productId : viewed) {
			this.history.coViewCounts(productId).forEach((other, count) -> coViews.merge(other, count, Long::sum));
		}
		Set<String> categories = viewed.stream()
			.map(this.catalog::find)
			.flatMap(Optional::stream)
			.map(Product::category)
			.collect(Collectors.toSet());
		Stream<Product> candidates = Stream
			.of(coViewed(coViews, popularity), inCategories(categories, popularity), popular(popularity))
			.flatMap(Function.identity())
			.filter((product) -> !viewed.contains(product.id()));
		return new UserRecommendations(userId, Strategy.PERSONALIZED, summaries(candidates, limit));
	}

	/**
	 * Products viewed by the same users as this one, topped up with products of its
	 * category; only the latter when nobody viewed it together with another product.
	 */
	ProductRecommendations forProduct(Product product, int limit) {
		Map<String, Long> coViews = this.history.coViewCounts(product.id());
		Map<String, Long> popularity = this.history.viewCounts();
		Strategy strategy = coViews.isEmpty() ? Strategy.SAME_CATEGORY : Strategy.ALSO_VIEWED;
		Stream<Product> candidates = Stream
			.concat(coViewed(coViews, popularity), inCategories(Set.of(product.category()), popularity))
			.filter((candidate) -> !candidate.id().equals(product.id()));
		return new ProductRecommendations(product.id(), strategy, summaries(candidates, limit));
	}

	private Stream<Product> coViewed(Map<String, Long> coViews, Map<String, Long> popularity) {
		return this.catalog.all()
			.stream()
			.filter((product) -> coViews.containsKey(product.id()))
			.sorted(mostFirst(coViews).thenComparing(mostFirst(popularity)).thenComparing(Product::id));
	}

	private Stream<Product> inCategories(Set<String> categories, Map<String, Long> popularity) {
		return popular(popularity).filter((product) -> categories.contains(product.category()));
	}

	private Stream<Product> popular(Map<String, Long> popularity) {
		return this.catalog.all().stream().sorted(mostFirst(popularity).thenComparing(Product::id));
	}

	private static Comparator<Product> mostFirst(Map<String, Long> counts) {
		return Comparator.comparingLong((Product product) -> counts.getOrDefault(product.id(), 0L)).reversed();
	}

	private static List<ProductSummary> summaries(Stream<Product> candidates, int limit) {
		return candidates.distinct().limit(limit).map(ProductSummary::of).toList();
	}

}
