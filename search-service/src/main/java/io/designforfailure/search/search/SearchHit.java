package io.designforfailure.search.search;

import java.math.BigDecimal;

import io.designforfailure.catalog.Product;

/**
 * A product summary with its relevance score.
 *
 * @param id product id
 * @param name display name
 * @param category category
 * @param price price in euros, two decimals
 * @param score BM25 relevance, higher is better, rounded to three decimals
 */
record SearchHit(String id, String name, String category, BigDecimal price, double score) {

	static SearchHit of(Product product, float score) {
		// Three decimals tell the ranking apart without float noise such as 3.2147856.
		double rounded = Math.round(score * 1000d) / 1000d;
		return new SearchHit(product.id(), product.name(), product.category(), product.price(), rounded);
	}

}
