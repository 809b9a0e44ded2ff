package io.designforfailure.recommendations.recommend;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a list of recommendations was chosen, so a client can tell personal picks from
 * fallbacks.
 */
enum Strategy {

	/** Co-viewed with, or in the categories of, what the user viewed. */
	PERSONALIZED,

	/** Most viewed overall. */
	POPULAR,

	/** Viewed by the same users as the product. */
	ALSO_VIEWED,

	/** In the product's category, most viewed first. */
	SAME_CATEGORY;

	@JsonValue
	String wireName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
