/**
 * Search, as the storefront sees search-service: its {@code @HttpExchange} client, the
 * gateway that guards it and keeps the last good results per query and product, and the
 * search page.
 */
package io.designforfailure.storefront.search;
