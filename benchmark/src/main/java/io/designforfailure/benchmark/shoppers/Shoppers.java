package io.designforfailure.benchmark.shoppers;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.designforfailure.benchmark.load.ClosedLoop;
import io.designforfailure.catalog.Catalog;

/**
 * A few shoppers browsing the storefront until they are stopped (SIGTERM, as
 * {@code docker compose stop} sends) or their time is up, with a progress line every 10
 * seconds. The load is the benchmark's closed loop with think time: each shopper has at
 * most one page in flight, so a struggling storefront is never piled on.
 */
public final class Shoppers {

	/** Often enough to see a dependency stop within one line; rare enough to read. */
	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

	/**
	 * A storefront answers within its 1 s budget; five times that is a broken storefront.
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(5);

	private final ShopperSettings settings;

	private final Consumer<String> log;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final CountDownLatch finished = new CountDownLatch(1);

	Shoppers(ShopperSettings settings, Consumer<String> log) {
		this.settings = settings;
		this.log = log;
	}

	public static void main(String[] args) {
		ShopperSettings settings;
		try {
			settings = ShopperSettings.from(System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println("shoppers: " + ex.getMessage());
			System.exit(2);
			return;
		}
		Shoppers shoppers = new Shoppers(settings, System.out::println);
		Runtime.getRuntime().addShutdownHook(new Thread(shoppers::stopAndWait, "shoppers-stop"));
		shoppers.run();
	}

	/** Browses until {@link #stop()} or the settings' duration, then returns. */
	void run() {
		Journey journey = new Journey(this.settings.target(), Catalog.load());
		Tally tally = new Tally();
		HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
		ClosedLoop loop = new ClosedLoop(http, PATIENCE, this.settings.thinkTime(), tally::add);
		long deadline = System.nanoTime() + this.settings.duration().toNanos();
		this.log.accept(String.format("shoppers: %d browsing %s, %d-%d ms between pages, for at most %s",
				this.settings.shoppers(), this.settings.target(), this.settings.thinkTime().toMillis(),
				2 * this.settings.thinkTime().toMillis(), this.settings.duration()));
		loop.start(this.settings.shoppers(), (shopper, page) -> journey.next(shopper, ThreadLocalRandom.current()),
				System.nanoTime(), this.settings.duration());
		try {
			while (!this.stopped.await(Math.min(PROGRESS_EVERY.toNanos(), Math.max(1, deadline - System.nanoTime())),
					TimeUnit.NANOSECONDS) && System.nanoTime() < deadline) {
				this.log.accept(tally.progress(PROGRESS_EVERY.toSeconds() + " s"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		loop.stop();
		this.log.accept(tally.progress("period") + "; stopped");
		this.finished.countDown();
	}

	/** Asks {@link #run()} to stop after the pages in flight. */
	void stop() {
		this.stopped.countDown();
	}

	/**
	 * Stops and waits for the shoppers to finish, as a shutdown hook must: the JVM exits
	 * when it returns.
	 */
	private void stopAndWait() {
		stop();
		try {
			this.finished.await(PATIENCE.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
