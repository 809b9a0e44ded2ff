package io.designforfailure.storefront.guard;

import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared level, made only when {@code REDIS_URL} is set: without it there is no
 * client, no breaker and no connection attempt. Its breaker and its writers' bulkhead are
 * made here from their configurations in application.yml, named after it. A starting
 * replica waits a moment for its first connection, never for Redis to come up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${storefront.cache.redis-url:}'.isBlank()")
class RedisConfiguration {

	@Bean(destroyMethod = "close")
	RedisLevel redisLevel(CacheProperties properties, CircuitBreakerRegistry circuitBreakers,
			ThreadPoolBulkheadRegistry threadPoolBulkheads, MeterRegistry meters) {
		RedisLevel level = new RedisLevel(properties,
				circuitBreakers.circuitBreaker(properties.name(), properties.name()),
				threadPoolBulkheads.bulkhead(properties.writesBulkhead(), properties.writesBulkhead()), meters);
		level.connectInBackground();
		level.awaitFirstConnection(properties.connection().startupWait());
		return level;
	}

}
