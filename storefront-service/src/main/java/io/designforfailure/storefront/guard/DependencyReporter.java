package io.designforfailure.storefront.guard;

import java.util.Map;

/**
 * What a feature adds to its dependency's entry in the resilience console, such as the
 * size of the fallback it keeps: the console collects these instead of knowing the
 * features.
 */
public interface DependencyReporter {

	/** The dependency reported on, by the name its guard has. */
	String dependency();

	/** Named figures shown beside the guards' own. */
	Map<String, Object> details();

}
