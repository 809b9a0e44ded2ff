package io.designforfailure.storefront.recommendations;

import java.util.List;

/**
 * recommendations-service's answer: for a user, or related to a product.
 *
 * @param strategy how the items were chosen, such as {@code popular} or
 * {@code also-viewed}
 * @param items the recommended products
 */
record Recommendations(String strategy, List<ProductSummary> items) {

	static final String POPULAR = "popular";

}
