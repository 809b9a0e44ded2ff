package io.designforfailure.search.product;

import java.math.BigDecimal;
import java.util.List;

import io.designforfailure.catalog.Product;

/**
 * The answer to {@code GET /api/products/{id}}: the product summary plus its description
 * and tags.
 *
 * @param id product id
 * @param name display name
 * @param category category
 * @param price price in euros, two decimals
 * @param description one-sentence description
 * @param tags search tags
 */
record ProductDetails(String id, String name, String category, BigDecimal price, String description,
		List<String> tags) {

	static ProductDetails of(Product product) {
		return new ProductDetails(product.id(), product.name(), product.category(), product.price(),
				product.description(), product.tags());
	}

}
