package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profiles the benchmark runs beside ours really are what they are named after: the
 * library's own defaults, compared here with the library's default objects, and
 * spring-petclinic-microservices' settings.
 */
class PeerProfilesTests {

	@Nested
	@ActiveProfiles("resilience4j-defaults")
	class Resilience4jDefaults extends Profile {

		@Test
		void hasTheLibrarysDefaultBreakerRetryBulkheadAndTimeLimiter() {
			assertThat(this.circuitBreakers.circuitBreaker("search").getCircuitBreakerConfig())
				.satisfies(Profile::isTheLibrarysDefault);
			RetryConfig retry = this.retries.retry("search").getRetryConfig();
			RetryConfig defaultRetry = RetryConfig.ofDefaults();
			assertThat(retry.getMaxAttempts()).isEqualTo(defaultRetry.getMaxAttempts());
			for (int attempt = 1; attempt < defaultRetry.getMaxAttempts(); attempt++) {
				assertThat(wait(retry, attempt)).isEqualTo(wait(defaultRetry, attempt));
			}
			BulkheadConfig bulkhead = this.bulkheads.bulkhead("search").getBulkheadConfig();
			assertThat(bulkhead.getMaxConcurrentCalls()).isEqualTo(BulkheadConfig.ofDefaults().getMaxConcurrentCalls());
			assertThat(bulkhead.getMaxWaitDuration()).isEqualTo(BulkheadConfig.ofDefaults().getMaxWaitDuration());
			// Resilience4j's TimeLimiter times each attempt: here the attempt timeout.
			assertThat(this.attemptTimeout).isEqualTo(TimeLimiterConfig.ofDefaults().getTimeoutDuration());
			assertThat(this.concurrencyLimit).isFalse();
			assertThat(this.throttling).isFalse();
		}

		private static long wait(RetryConfig config, int attempt) {
			return config.getIntervalBiFunction().apply(attempt, Either.left(new IllegalStateException("failed")));
		}

	}

	@Nested
	@ActiveProfiles("petclinic")
	class Petclinic extends Profile {

		@Test
		void hasTheDefaultBreakerATenSecondTimeLimiterAndNoRetryOrBulkhead() {
			assertThat(this.circuitBreakers.circuitBreaker("search").getCircuitBreakerConfig())
				.satisfies(Profile::isTheLibrarysDefault);
			assertThat(this.attemptTimeout).isEqualTo(Duration.ofSeconds(10));
			assertThat(this.retries.retry("search").getRetryConfig().getMaxAttempts()).isEqualTo(1);
			assertThat(this.bulkheads.bulkhead("search").getBulkheadConfig().getMaxConcurrentCalls())
				.isEqualTo(100_000);
			assertThat(this.concurrencyLimit).isFalse();
			assertThat(this.throttling).isFalse();
		}

	}

	abstract static class Profile extends WireMockTestSupport {

		@Autowired
		RetryRegistry retries;

		@Autowired
		BulkheadRegistry bulkheads;

		@Value("${storefront.search.response-timeout}")
		Duration attemptTimeout;

		@Value("${storefront.guards.concurrency-limit.enabled}")
		boolean concurrencyLimit;

		@Value("${storefront.guards.throttling.enabled}")
		boolean throttling;

		static void isTheLibrarysDefault(CircuitBreakerConfig config) {
			CircuitBreakerConfig defaults = CircuitBreakerConfig.ofDefaults();
			assertThat(config.getSlidingWindowType()).isEqualTo(defaults.getSlidingWindowType());
			assertThat(config.getSlidingWindowSize()).isEqualTo(defaults.getSlidingWindowSize());
			assertThat(config.getMinimumNumberOfCalls()).isEqualTo(defaults.getMinimumNumberOfCalls());
			assertThat(config.getFailureRateThreshold()).isEqualTo(defaults.getFailureRateThreshold());
			assertThat(config.getSlowCallRateThreshold()).isEqualTo(defaults.getSlowCallRateThreshold());
			assertThat(config.getSlowCallDurationThreshold()).isEqualTo(defaults.getSlowCallDurationThreshold());
			assertThat(config.getWaitIntervalFunctionInOpenState().apply(1))
				.isEqualTo(defaults.getWaitIntervalFunctionInOpenState().apply(1));
			assertThat(config.getPermittedNumberOfCallsInHalfOpenState())
				.isEqualTo(defaults.getPermittedNumberOfCallsInHalfOpenState());
			assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled())
				.isEqualTo(defaults.isAutomaticTransitionFromOpenToHalfOpenEnabled());
		}

	}

}
