package io.designforfailure.benchmark.launch;

import java.time.Duration;

/** A sleep that turns an interrupt into a stop, so no loop outlives a cancelled run. */
public final class Pause {

	private Pause() {
	}

	public static void of(Duration duration) {
		try {
			Thread.sleep(Math.max(0, duration.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
