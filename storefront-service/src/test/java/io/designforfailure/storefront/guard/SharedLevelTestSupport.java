package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storefront with the shared level switched on, over a real Redis that every test
 * starts with up and reachable.
 */
abstract class SharedLevelTestSupport extends WireMockTestSupport {

	protected static final RedisStandIn redis = RedisStandIn.shared();

	@DynamicPropertySource
	static void sharedLevel(DynamicPropertyRegistry registry) {
		registry.add("storefront.cache.redis-url", redis::url);
	}

	@BeforeEach
	void redisUp() {
		redis.up();
	}

}
