package io.designforfailure.recommendations.recommend;

import java.util.List;

/**
 * Products related to one product.
 *
 * @param productId the product asked for
 * @param strategy {@code also-viewed} or {@code same-category}
 * @param items the related products, best first, never the product itself
 */
record ProductRecommendations(String productId, Strategy strategy, List<ProductSummary> items) {
}
