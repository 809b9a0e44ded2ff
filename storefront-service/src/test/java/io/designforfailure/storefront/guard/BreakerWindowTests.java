package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.WireMockTestSupport;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaker's window, as configured, tells transient noise from an outage: one call in
 * five failing at random never opens it, a dependency that is down opens it within the
 * window. Fed directly, call by call, from a seeded generator: the same calls every run.
 */
class BreakerWindowTests extends WireMockTestSupport {

	/** About 20 s of the benchmark's retry storm. */
	private static final int CALLS = 20_000;

	@Test
	void oneCallInFiveFailingAtRandomNeverOpensTheBreaker() {
		assertThat(openings(configured(), 0.2)).isZero();
	}

	@Test
	void aWindowOfTwentyCallsWouldOpenOnTheSameNoise() {
		CircuitBreakerConfig narrow = CircuitBreakerConfig.from(configured())
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.build();

		assertThat(openings(narrow, 0.2)).isPositive();
	}

	@Test
	void aDependencyThatIsDownOpensTheBreakerWithinTheWindow() {
		CircuitBreaker breaker = CircuitBreaker.of("down", configured());
		for (int i = 0; i < 1_000; i++) {
			breaker.onSuccess(1, TimeUnit.MILLISECONDS);
		}

		int failures = 0;
		while (breaker.getState() == CircuitBreaker.State.CLOSED && failures < 1_000) {
			breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("down"));
			failures++;
		}

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(failures).isLessThanOrEqualTo(configured().getSlidingWindowSize() / 2);
	}

	private CircuitBreakerConfig configured() {
		return this.circuitBreakers.getDefaultConfig();
	}

	/**
	 * How often the breaker opens over {@link #CALLS} calls failing at random with the
	 * given share; an open breaker is put back to closed at once, as if its open time had
	 * passed and its trial calls had been lucky.
	 */
	private static int openings(CircuitBreakerConfig config, double failing) {
		CircuitBreaker breaker = CircuitBreaker.of("noise", config);
		Random random = new Random(20261201L);
		int openings = 0;
		for (int i = 0; i < CALLS; i++) {
			if (random.nextDouble() < failing) {
				breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("transient"));
			}
			else {
				breaker.onSuccess(1, TimeUnit.MILLISECONDS);
			}
			if (breaker.getState() == CircuitBreaker.State.OPEN) {
				openings++;
				breaker.transitionToClosedState();
			}
		}
		return openings;
	}

}
