package io.designforfailure.storefront.search;

import java.net.URI;
import java.time.Duration;

import io.designforfailure.storefront.guard.DependencyProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the storefront reaches search-service, and how much of its past answers it keeps.
 *
 * @param name the name of the Resilience4j instances that guard it
 * @param baseUrl where search-service listens ({@code SEARCH_URL})
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long one attempt may take, headers and body
 * @param budget how long one call may take, every attempt and backoff included
 * @param maxBodySize the largest answer read
 * @param limit how many results a search shows
 * @param cache the last good results kept per query
 */
@ConfigurationProperties("storefront.search")
record SearchProperties(String name, URI baseUrl, Duration connectTimeout, Duration responseTimeout, Duration budget,
		DataSize maxBodySize, int limit, Cache cache) implements DependencyProperties {

	/**
	 * Bounds of the last-good-results cache.
	 *
	 * @param maximumSize how many queries at most
	 * @param timeToLive how long an entry lives after its last live refresh
	 */
	record Cache(long maximumSize, Duration timeToLive) {
	}

}
