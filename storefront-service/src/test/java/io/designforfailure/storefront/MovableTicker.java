package io.designforfailure.storefront;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The system ticker, plus however far a test has moved it: windows of calls counted
 * earlier slide away at once instead of after a wait.
 */
public final class MovableTicker implements Ticker {

	private final AtomicLong offset = new AtomicLong();

	@Override
	public long read() {
		return System.nanoTime() + this.offset.get();
	}

	public void advance(Duration duration) {
		this.offset.addAndGet(duration.toNanos());
	}

}
