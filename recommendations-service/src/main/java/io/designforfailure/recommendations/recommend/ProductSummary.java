package io.designforfailure.recommendations.recommend;

import java.math.BigDecimal;

import io.designforfailure.catalog.Product;

/**
 * A product as the contract shows it in a list.
 *
 * @param id product id such as {@code p-0042}
 * @param name display name
 * @param category lower-case category
 * @param price exact price, with at least two decimals ({@code 89.90}, not {@code 89.9})
 */
record ProductSummary(String id, String name, String category, BigDecimal price) {

	static ProductSummary of(Product product) {
		BigDecimal price = product.price();
		// Widening the scale shows whole cents without ever rounding a catalog price.
		BigDecimal inCents = (price.scale() < 2) ? price.setScale(2) : price;
		return new ProductSummary(product.id(), product.name(), product.category(), inCents);
	}

}
