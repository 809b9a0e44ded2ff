/**
 * Recommendations, as the storefront sees recommendations-service: its
 * {@code @HttpExchange} client, the gateway that guards it and falls back to the generic
 * best-seller list, related items fetched beside a product, and the views sent off the
 * request thread.
 */
package io.designforfailure.storefront.recommendations;
