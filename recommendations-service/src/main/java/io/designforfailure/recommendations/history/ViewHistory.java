package io.designforfailure.recommendations.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Who viewed what, kept in memory within fixed bounds: the last few distinct products per
 * user, for the most recently active users, plus running view and co-view counts.
 * <p>
 * Product ids must come from the catalog: that bounds the counters at one entry per
 * product and one per pair of products. Every method takes the one lock, which is simpler
 * than finer locking and costs microseconds per call at this size.
 */
public class ViewHistory {

	private final int maxViewsPerUser;

	private final Map<String, LinkedHashSet<String>> viewsByUser;

	private final Map<String, Long> viewCounts = new HashMap<>();

	private final Map<String, Map<String, Long>> coViewCounts = new HashMap<>();

	public ViewHistory(int maxUsers, int maxViewsPerUser) {
		this.maxViewsPerUser = maxViewsPerUser;
		// Access order makes this a least-recently-used map, so idle users go first.
		this.viewsByUser = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, LinkedHashSet<String>> eldest) {
				return size() > maxUsers;
			}

		};
	}

	/**
	 * Forgets everything and records the views in their order: the snapshot of what the
	 * database holds, taken once it can be read.
	 */
	public synchronized void replaceAll(List<View> views) {
		this.viewsByUser.clear();
		this.viewCounts.clear();
		this.coViewCounts.clear();
		views.forEach((view) -> record(view.userId(), view.productId()));
	}

	/**
	 * Records that a user viewed a product. A product counts as co-viewed with every
	 * other product in the user's recent views the first time the user views it, so a
	 * user who keeps reloading one page does not inflate its co-views.
	 */
	public synchronized void record(String userId, String productId) {
		LinkedHashSet<String> views = this.viewsByUser.computeIfAbsent(userId, (user) -> new LinkedHashSet<>());
		boolean seenRecently = views.remove(productId);
		if (!seenRecently) {
			for (String other : views) {
				countCoView(productId, other);
				countCoView(other, productId);
			}
		}
		views.add(productId);
		if (views.size() > this.maxViewsPerUser) {
			Iterator<String> oldest = views.iterator();
			oldest.next();
			oldest.remove();
		}
		this.viewCounts.merge(productId, 1L, Long::sum);
	}

	/** The products the user viewed recently, most recent first; empty if none. */
	public synchronized List<String> viewedBy(String userId) {
		LinkedHashSet<String> views = this.viewsByUser.get(userId);
		if (views == null) {
			return List.of();
		}
		List<String> mostRecentFirst = new ArrayList<>(views);
		Collections.reverse(mostRecentFirst);
		return mostRecentFirst;
	}

	/** How often each product was viewed; products never viewed are absent. */
	public synchronized Map<String, Long> viewCounts() {
		return Map.copyOf(this.viewCounts);
	}

	/**
	 * For each other product, how many users viewed it together with this one among their
	 * recent views; empty if nobody did.
	 */
	public synchronized Map<String, Long> coViewCounts(String productId) {
		return Map.copyOf(this.coViewCounts.getOrDefault(productId, Map.of()));
	}

	private void countCoView(String productId, String other) {
		this.coViewCounts.computeIfAbsent(productId, (id) -> new HashMap<>()).merge(other, 1L, Long::sum);
	}

}
