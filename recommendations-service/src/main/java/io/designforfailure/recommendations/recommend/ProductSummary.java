package io.designforfailure.recommendations.recommend;

import java.math.BigDecimal;

import io.designforfailure.catalog.Product;

/**
 * A product as the contract shows it in a list.
 *
 * @param id product id such as {@code p-0042}
 * @param name display name
 * @param category lower-case category
 * @param price exact price, to the cent as the catalog keeps it ({@code 89.90})
 */
record ProductSummary(String id, String name, String category, BigDecimal price) {

	static ProductSummary of(Product product) {
		return new ProductSummary(product.id(), product.name(), product.category(), product.price());
	}

}
