package io.designforfailure.web.chaos;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import de.codecentric.spring.boot.chaos.monkey.assaults.ChaosMonkeyLatencyAssaultExecutor;

/**
 * Holds a request for the latency assault's time, like Chaos Monkey's own executor, but
 * lets it go as soon as the assault is switched off. A real hang ends for everyone it
 * holds (the lock is released, the network heals); Chaos Monkey's executor sleeps each
 * request for its whole latency, so a 30 s hang switched off after 6 s would still hold
 * the requests it caught for up to 24 s more, filling the service's concurrency limit
 * long after the fault was "over".
 */
class ReleasableLatency implements ChaosMonkeyLatencyAssaultExecutor {

	/** How often a held request looks whether the assault is still on. */
	static final Duration CHECK_EVERY = Duration.ofMillis(20);

	private final BooleanSupplier assaultOn;

	ReleasableLatency(BooleanSupplier assaultOn) {
		this.assaultOn = assaultOn;
	}

	@Override
	public void execute(long durationInMillis) {
		long end = System.nanoTime() + Duration.ofMillis(durationInMillis).toNanos();
		try {
			long left = end - System.nanoTime();
			while (left > 0 && this.assaultOn.getAsBoolean()) {
				Thread.sleep(Math.min(Duration.ofNanos(left).toMillis() + 1, CHECK_EVERY.toMillis()));
				left = end - System.nanoTime();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
