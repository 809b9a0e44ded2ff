package io.designforfailure.storefront.recommendations;

import java.net.URI;
import java.time.Duration;

import io.designforfailure.storefront.guard.DependencyProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the storefront reaches recommendations-service, and how it keeps its generic list.
 *
 * @param name the name of the Resilience4j instances that guard it
 * @param baseUrl where recommendations-service listens ({@code RECOMMENDATIONS_URL})
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long one attempt may take, headers and body
 * @param budget how long one call may take, every attempt and backoff included
 * @param maxBodySize the largest answer read
 * @param limit how many items a page shows
 * @param bestSellers the generic list's refresh
 * @param relatedItemsBulkhead the thread-pool bulkhead that fetches related items beside
 * the product
 */
@ConfigurationProperties("storefront.recommendations")
record RecommendationsProperties(String name, URI baseUrl, Duration connectTimeout, Duration responseTimeout,
		Duration budget, DataSize maxBodySize, int limit, BestSellers bestSellers,
		String relatedItemsBulkhead) implements DependencyProperties {

	/**
	 * The background refresh of the generic list.
	 *
	 * @param refreshInterval how often to ask for the popular list
	 * @param refreshEnabled whether to ask at all (tests that count requests switch it
	 * off)
	 * @param timeToLive how long a list shared with the other replicas stays there
	 */
	record BestSellers(Duration refreshInterval, boolean refreshEnabled, Duration timeToLive) {
	}

}
