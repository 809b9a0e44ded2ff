package io.designforfailure.recommendations.history;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the view history and the synthetic views it starts with.
 *
 * @param maxUsers users kept; the least recently active are forgotten first
 * @param maxViewsPerUser distinct products kept per user, the most recent ones
 * @param seed the synthetic views recorded at start-up
 */
@ConfigurationProperties("recommendations.history")
public record HistoryProperties(int maxUsers, int maxViewsPerUser, Seed seed) {

	/**
	 * @param users how many synthetic users to seed
	 * @param viewsPerUser how many views each of them makes
	 * @param randomSeed fixed so that every start seeds the same history
	 */
	public record Seed(int users, int viewsPerUser, long randomSeed) {
	}

}
