package io.designforfailure.web.chaos;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleasableLatencyTests {

	private final AtomicBoolean assaultOn = new AtomicBoolean(true);

	private final ReleasableLatency latency = new ReleasableLatency(this.assaultOn::get);

	@Test
	void holdsForTheWholeLatencyWhileTheAssaultStaysOn() {
		long start = System.nanoTime();

		this.latency.execute(300);

		// Only a lower bound: a busy machine can make it longer, never shorter.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void letsEveryHeldRequestGoOnceTheAssaultIsSwitchedOff() throws Exception {
		CompletableFuture<?> first = CompletableFuture.runAsync(() -> this.latency.execute(120_000));
		CompletableFuture<?> second = CompletableFuture.runAsync(() -> this.latency.execute(120_000));
		assertThat(first).isNotDone();

		this.assaultOn.set(false);

		// Two minutes held otherwise; ten seconds is room for a busy machine.
		CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
	}

	@Test
	void keepsTheThreadInterruptedWhenInterrupted() {
		Thread.currentThread().interrupt();

		this.latency.execute(120_000);

		assertThat(Thread.interrupted()).isTrue();
	}

}
