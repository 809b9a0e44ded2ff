package io.designforfailure.storefront.recommendations;

/**
 * A shopper looked at a product.
 *
 * @param userId who
 * @param productId what
 */
record ViewEvent(String userId, String productId) {

}
