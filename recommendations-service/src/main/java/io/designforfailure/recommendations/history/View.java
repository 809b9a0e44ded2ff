package io.designforfailure.recommendations.history;

/**
 * That one user viewed one product, as the history keeps it.
 *
 * @param userId who viewed
 * @param productId a product id from the catalog
 */
public record View(String userId, String productId) {
}
