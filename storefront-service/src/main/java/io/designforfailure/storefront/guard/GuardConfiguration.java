package io.designforfailure.storefront.guard;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every section is stamped with, and the ticker the overload guards' windows
 * slide by: beans, so that tests can move time instead of waiting for it.
 */
@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Ticker guardTicker() {
		return Ticker.systemTicker();
	}

}
