package io.designforfailure.storefront.search;

import java.math.BigDecimal;
import java.util.List;

import io.designforfailure.catalog.Summary;

/**
 * A full product, as search-service serves it.
 *
 * @param id product id
 * @param name product name
 * @param category product category
 * @param price price in euros
 * @param description one-sentence description
 * @param tags search tags
 */
public record ProductDetails(String id, String name, String category, BigDecimal price, String description,
		List<String> tags) implements Summary {

}
