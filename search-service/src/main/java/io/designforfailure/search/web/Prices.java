package io.designforfailure.search.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How prices go on the wire: euros with exactly two decimals.
 */
public final class Prices {

	private Prices() {
	}

	/**
	 * The catalog file holds prices as plain JSON numbers, so 89.90 arrives as 89.9; the
	 * contract shows cents. No catalog price has more than two decimals, so nothing is
	 * rounded, and a price that would need rounding fails loudly instead of changing.
	 */
	public static BigDecimal inEuros(BigDecimal price) {
		return price.setScale(2, RoundingMode.UNNECESSARY);
	}

}
