package io.designforfailure.storefront.guard;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * How many events happened within the last window, counted in ten slots so that the
 * window slides in tenths of itself. Cheap enough to call on every attempt.
 */
final class SlidingCount {

	private static final int SLOTS = 10;

	private final Ticker ticker;

	private final long slotNanos;

	private final long[] counts = new long[SLOTS];

	private final long[] slotOf = new long[SLOTS];

	SlidingCount(Duration window, Ticker ticker) {
		this.ticker = ticker;
		this.slotNanos = Math.max(1, window.toNanos() / SLOTS);
	}

	synchronized void add() {
		long slot = this.ticker.read() / this.slotNanos;
		int index = (int) Math.floorMod(slot, (long) SLOTS);
		if (this.slotOf[index] != slot) {
			this.slotOf[index] = slot;
			this.counts[index] = 0;
		}
		this.counts[index]++;
	}

	synchronized long sum() {
		long now = this.ticker.read() / this.slotNanos;
		long sum = 0;
		for (int i = 0; i < SLOTS; i++) {
			if (now - this.slotOf[i] < SLOTS) {
				sum += this.counts[i];
			}
		}
		return sum;
	}

}
