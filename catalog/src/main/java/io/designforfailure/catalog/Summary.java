package io.designforfailure.catalog;

import java.math.BigDecimal;

/**
 * What every product in a list carries, whoever sends it: an answer that lacks one of
 * these fields cannot be shown. One rule for every wire type that carries a product.
 */
public interface Summary {

	String id();

	String name();

	String category();

	BigDecimal price();

	/** Whether none of the fields a list shows is missing. */
	default boolean hasEveryField() {
		return id() != null && name() != null && category() != null && price() != null;
	}

}
