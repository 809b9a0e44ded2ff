package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds back calls while the dependency sheds, in proportion to how much it sheds, and
 * never while it accepts what it gets.
 */
class AdaptiveThrottleTests {

	private final AtomicLong nanos = new AtomicLong();

	private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

	@Test
	void neverHoldsBackCallsToADependencyThatAcceptsThem() {
		AdaptiveThrottle throttle = throttle(true);

		int admitted = 0;
		for (int i = 0; i < 1_000; i++) {
			if (throttle.admits()) {
				admitted++;
				throttle.accepted();
			}
		}

		assertThat(admitted).isEqualTo(1_000);
		assertThat(throttle.rejectProbability()).isZero();
	}

	@Test
	void holdsBackAllButOneCallInTenWhenTheDependencyShedsEverything() {
		AdaptiveThrottle throttle = throttle(true);

		int admitted = 0;
		for (int i = 0; i < 1_000; i++) {
			if (throttle.admits()) {
				admitted++;
				throttle.shed();
			}
		}

		// Without accepts the formula gives requests / (requests + 1); the cap keeps it
		// at 0.9.
		assertThat(admitted).isBetween(70, 140);
		assertThat(throttle.rejectProbability()).isEqualTo(0.9);
	}

	@Test
	void seesTheDependencyRecoverWhileHeldBackCallsComeBackFast() {
		AdaptiveThrottle capped = throttle(true);
		AdaptiveThrottle uncapped = throttle(true, 1.0);
		// 10 s of everything shed, then 20 s of everything accepted, a call every ms:
		// the closed loop of a busy storefront, whose held-back answers return at once.
		for (int ms = 0; ms < 30_000; ms++) {
			this.nanos.addAndGet(Duration.ofMillis(1).toNanos());
			boolean recovered = ms >= 10_000;
			for (AdaptiveThrottle throttle : List.of(capped, uncapped)) {
				if (throttle.admits()) {
					if (recovered) {
						throttle.accepted();
					}
					else {
						throttle.shed();
					}
				}
			}
		}

		assertThat(capped.rejectProbability()).isZero();
		// What the cap prevents: nearly every call still held back 20 s after recovery.
		assertThat(uncapped.rejectProbability()).isGreaterThan(0.9);
	}

	@Test
	void sendsAboutTwiceWhatTheDependencyAccepts() {
		AdaptiveThrottle throttle = throttle(true);
		int admittedInTheLastTenSeconds = 0;
		// 1,000 calls wanted a second for 30 s; the dependency takes 100 a second and
		// sheds the rest.
		for (int second = 0; second < 30; second++) {
			int acceptedThisSecond = 0;
			for (int i = 0; i < 1_000; i++) {
				this.nanos.addAndGet(Duration.ofMillis(1).toNanos());
				if (throttle.admits()) {
					if (second >= 20) {
						admittedInTheLastTenSeconds++;
					}
					if (acceptedThisSecond < 100) {
						throttle.accepted();
						acceptedThisSecond++;
					}
					else {
						throttle.shed();
					}
				}
			}
		}

		// K = 2: in the steady state twice what the dependency accepts goes out, 200 a
		// second instead of 1,000.
		assertThat(admittedInTheLastTenSeconds).isBetween(1_700, 2_300);
	}

	@Test
	void stopsHoldingBackOnceTheSheddingIsOutsideTheWindow() {
		AdaptiveThrottle throttle = throttle(true);
		for (int i = 0; i < 100; i++) {
			if (throttle.admits()) {
				throttle.shed();
			}
		}
		assertThat(throttle.rejectProbability()).isEqualTo(0.9);

		this.nanos.addAndGet(Duration.ofSeconds(11).toNanos());

		assertThat(throttle.rejectProbability()).isZero();
	}

	@Test
	void admitsABurstOfCallsAfterAQuietWindowBeforeAnyIsAnswered() {
		// The unluckiest draw: any reject probability above zero holds a call back.
		AdaptiveThrottle throttle = new AdaptiveThrottle(
				new GuardProperties.Throttling(true, 2, Duration.ofSeconds(10), 0.9), this.nanos::get, () -> 0.0);

		for (int i = 0; i < 20; i++) {
			assertThat(throttle.admits()).as("call %d of the burst", i + 1).isTrue();
		}
		for (int i = 0; i < 20; i++) {
			throttle.accepted();
		}

		assertThat(throttle.rejectProbability()).isZero();
	}

	@Test
	void admitsEverythingWhenSwitchedOff() {
		AdaptiveThrottle throttle = throttle(false);

		for (int i = 0; i < 100; i++) {
			assertThat(throttle.admits()).isTrue();
		}
	}

	private AdaptiveThrottle throttle(boolean enabled) {
		return throttle(enabled, 0.9);
	}

	private AdaptiveThrottle throttle(boolean enabled, double maxRejectProbability) {
		Ticker ticker = this.nanos::get;
		return new AdaptiveThrottle(
				new GuardProperties.Throttling(enabled, 2, Duration.ofSeconds(10), maxRejectProbability), ticker,
				this.random::nextDouble);
	}

}
