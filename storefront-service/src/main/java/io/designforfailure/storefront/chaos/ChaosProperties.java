package io.designforfailure.storefront.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the console may switch the dependencies' Chaos Monkey assaults, and where it
 * reaches them.
 *
 * @param enabled whether the chaos endpoints exist at all
 * ({@code STOREFRONT_CHAOS_ENABLED})
 * @param connectTimeout how long to wait for a connection to a dependency
 * @param responseTimeout how long to wait for its answer
 * @param dependencies each dependency's base URL, by name
 */
@ConfigurationProperties("storefront.chaos")
record ChaosProperties(boolean enabled, Duration connectTimeout, Duration responseTimeout,
		Map<String, URI> dependencies) {

	ChaosProperties {
		dependencies = (dependencies != null) ? dependencies : Map.of();
	}

}
