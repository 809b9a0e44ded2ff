package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code REDIS_URL} the storefront is what it was before the shared level: no
 * client, no breaker, no writers, nothing that connects, and no Redis in the console.
 */
class SharedCacheSwitchedOffTests extends WireMockTestSupport {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ThreadPoolBulkheadRegistry threadPoolBulkheads;

	@Test
	void makesNothingOfRedisWithoutItsUrl() {
		assertThat(this.context.getBeansOfType(RedisLevel.class)).isEmpty();
		assertThat(this.circuitBreakers.find("redis")).isEmpty();
		assertThat(this.threadPoolBulkheads.find("redis-writes")).isEmpty();

		StorefrontAnswer report = fetch("/api/resilience");

		assertThat(report).doesNotHavePath("$.dependencies.redis");
	}

}
