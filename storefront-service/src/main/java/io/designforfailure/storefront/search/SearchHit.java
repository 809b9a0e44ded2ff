package io.designforfailure.storefront.search;

import java.math.BigDecimal;

import io.designforfailure.catalog.Summary;

/**
 * A product summary found by a search, with its relevance.
 *
 * @param id product id
 * @param name product name
 * @param category product category
 * @param price price in euros
 * @param score relevance, higher is better
 */
public record SearchHit(String id, String name, String category, BigDecimal price, Double score) implements Summary {

}
