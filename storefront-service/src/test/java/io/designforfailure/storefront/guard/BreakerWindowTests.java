package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaker's window, as configured, tells transient noise and a busy moment from an
 * outage: 40 % of attempts failing at random never opens it, nor does half a second in
 * which every attempt in flight times out, and a dependency that is down opens it within
 * the window. Fed directly, attempt by attempt, from a seeded generator on a clock the
 * test moves: the same attempts every run, at the rates the benchmark measured.
 */
class BreakerWindowTests extends WireMockTestSupport {

	/** The retry storm's rate: 8 users, about 300 attempts a second. */
	private static final int STORM_RATE = 300;

	/** Search's rate under overload, about a thousand attempts a second. */
	private static final int BUSY_RATE = 1_000;

	private final MovableClock clock = new MovableClock();

	@Test
	void fortyPerCentOfAttemptsFailingAtRandomNeverOpensTheBreaker() {
		for (long seed = 1; seed <= 10; seed++) {
			assertThat(opensInAStorm(configured(), 0.4, seed)).as("seed %d", seed).isFalse();
		}
	}

	@Test
	void aWindowOfTheLastFiftyAttemptsWouldOpenOnTheSameNoise() {
		assertThat(opensInAStorm(round2(), 0.4, 1)).isTrue();
	}

	@Test
	void halfASecondInWhichEveryAttemptInFlightTimesOutDoesNotOpenIt() {
		assertThat(opensOnStalls(configured())).isFalse();
	}

	@Test
	void aWindowOfTheLastFiftyAttemptsWouldOpenOnTheSameStalls() {
		assertThat(opensOnStalls(round2())).isTrue();
	}

	@Test
	void aDependencyThatHangsOpensItWithinTheWindow() {
		// Every attempt reaches the 250 ms timeout: with two attempts in flight (the
		// concurrency limit's floor), eight a second.
		assertThat(secondsToOpen(8)).isLessThanOrEqualTo(windowSeconds() + 0.5);
	}

	@Test
	void aDependencyThatRefusesConnectionsOpensItWithinTheWindow() {
		// Refused at once: the attempts come as fast as the callers ask.
		assertThat(secondsToOpen(BUSY_RATE)).isLessThanOrEqualTo(windowSeconds() / 2.0 + 0.5);
	}

	private CircuitBreakerConfig configured() {
		return CircuitBreakerConfig.from(this.circuitBreakers.getDefaultConfig()).clock(this.clock).build();
	}

	/** Round 2's window: the last 50 attempts, judged from 10 on. */
	private CircuitBreakerConfig round2() {
		return CircuitBreakerConfig.from(configured())
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(50)
			.minimumNumberOfCalls(10)
			.build();
	}

	private int windowSeconds() {
		return this.circuitBreakers.getDefaultConfig().getSlidingWindowSize();
	}

	/**
	 * Whether 20 s of attempts failing at random with the given share, after 10 s of
	 * healthy ones, open the breaker.
	 */
	private boolean opensInAStorm(CircuitBreakerConfig config, double failing, long seed) {
		CircuitBreaker breaker = CircuitBreaker.of("storm", config);
		healthy(breaker, STORM_RATE, Duration.ofSeconds(10));
		Random random = new Random(seed);
		for (int i = 0; i < STORM_RATE * 20; i++) {
			this.clock.advance(Duration.ofNanos(1_000_000_000L / STORM_RATE));
			if (random.nextDouble() < failing) {
				breaker.onError(5, TimeUnit.MILLISECONDS, new IllegalStateException("transient"));
			}
			else {
				breaker.onSuccess(5, TimeUnit.MILLISECONDS);
			}
			if (breaker.getState() == CircuitBreaker.State.OPEN) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a busy search, stalled for half a second every two seconds for a minute,
	 * opens the breaker: during each stall no attempt completes, and then the 50 in
	 * flight (the bulkhead's ceiling) all fail at the attempt timeout.
	 */
	private boolean opensOnStalls(CircuitBreakerConfig config) {
		CircuitBreaker breaker = CircuitBreaker.of("stalls", config);
		for (int stall = 0; stall < 30; stall++) {
			healthy(breaker, BUSY_RATE, Duration.ofMillis(1500));
			this.clock.advance(Duration.ofMillis(500));
			for (int i = 0; i < 50; i++) {
				breaker.onError(250, TimeUnit.MILLISECONDS, new IllegalStateException("timed out"));
				if (breaker.getState() == CircuitBreaker.State.OPEN) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * How long after 10 s of a thousand healthy attempts a second the breaker opens, once
	 * every attempt fails, at the given rate.
	 */
	private double secondsToOpen(int failingPerSecond) {
		CircuitBreaker breaker = CircuitBreaker.of("down", configured());
		healthy(breaker, BUSY_RATE, Duration.ofSeconds(10));
		Instant down = this.clock.instant();
		while (breaker.getState() == CircuitBreaker.State.CLOSED
				&& Duration.between(down, this.clock.instant()).toSeconds() < 60) {
			this.clock.advance(Duration.ofNanos(1_000_000_000L / failingPerSecond));
			breaker.onError(250, TimeUnit.MILLISECONDS, new IllegalStateException("down"));
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		return Duration.between(down, this.clock.instant()).toMillis() / 1000.0;
	}

	private void healthy(CircuitBreaker breaker, int perSecond, Duration duration) {
		long calls = perSecond * duration.toMillis() / 1000;
		for (long i = 0; i < calls; i++) {
			this.clock.advance(Duration.ofNanos(1_000_000_000L / perSecond));
			breaker.onSuccess(5, TimeUnit.MILLISECONDS);
		}
	}

	/** A clock the test moves, which a time-based window reads. */
	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
