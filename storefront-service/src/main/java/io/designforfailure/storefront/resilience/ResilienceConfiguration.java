package io.designforfailure.storefront.resilience;

import java.time.Clock;

import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires what application.yml cannot say: the retry keeps to the wait its attempt planned.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	@Bean
	RetryConfigCustomizer recommendationsPlannedWait() {
		return PlannedWait.forInstance("recommendations");
	}

	@Bean
	RetryConfigCustomizer searchPlannedWait() {
		return PlannedWait.forInstance("search");
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
