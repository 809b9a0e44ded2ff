/**
 * The product page, the one page that combines both dependencies: the product from search
 * and related items from recommendations, fetched in parallel, and a view recorded.
 */
package io.designforfailure.storefront.product;
