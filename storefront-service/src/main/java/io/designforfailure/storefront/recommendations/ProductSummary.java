package io.designforfailure.storefront.recommendations;

import java.math.BigDecimal;

import io.designforfailure.catalog.Product;
import io.designforfailure.catalog.Summary;

/**
 * A product as lists show it.
 *
 * @param id product id
 * @param name product name
 * @param category product category
 * @param price price in euros
 */
public record ProductSummary(String id, String name, String category, BigDecimal price) implements Summary {

	static ProductSummary of(Product product) {
		return new ProductSummary(product.id(), product.name(), product.category(), product.price());
	}

}
