package io.designforfailure.recommendations.recommend;

import java.util.List;

/**
 * Recommendations for a user, or for an anonymous visitor when {@code userId} is
 * {@code null}.
 *
 * @param userId the user asked for, or {@code null}
 * @param strategy {@code personalized} or {@code popular}
 * @param items the recommended products, best first
 */
record UserRecommendations(String userId, Strategy strategy, List<ProductSummary> items) {
}
