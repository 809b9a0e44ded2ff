package io.designforfailure.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One product of the catalog, as stored in {@code catalog/products.json}.
 *
 * @param id stable identifier such as {@code p-0042}
 * @param name display name
 * @param category lower-case category such as {@code outdoor}
 * @param price price in euros, kept exact
 * @param description one-sentence description
 * @param tags lower-case search tags
 */
public record Product(String id, String name, String category, BigDecimal price, String description,
		List<String> tags) {

	public Product {
		// Prices are cents-exact: 89.90, never 89.9, and never silently rounded.
		price = price.setScale(2, RoundingMode.UNNECESSARY);
		tags = List.copyOf(tags);
	}

}
