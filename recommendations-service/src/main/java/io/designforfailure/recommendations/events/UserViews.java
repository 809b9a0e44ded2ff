package io.designforfailure.recommendations.events;

import java.time.Instant;
import java.util.List;

/**
 * Every view recorded for a user: how many, and the latest ones. Shows that nothing sent
 * was lost or counted twice.
 *
 * @param userId whose views
 * @param total every view recorded for the user
 * @param items the latest views, newest first
 */
record UserViews(String userId, long total, List<Item> items) {

	/**
	 * @param productId what was viewed
	 * @param viewedAt when the view was recorded
	 */
	record Item(String productId, Instant viewedAt) {
	}

}
