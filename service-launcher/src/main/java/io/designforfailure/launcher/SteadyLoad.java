package io.designforfailure.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Requests at a fixed rate, whatever the answers take (an open loop, as shoppers arrive),
 * each to the page its number chooses, until stopped or its time is up: every request is
 * counted as answered 2xx or failed (any other status, a reset, a timeout), the failures
 * by kind, and every answer's latency recorded. Used by the benchmark's rolling restart,
 * the smoke test's and the system tests'; every load stops by itself.
 */
public final class SteadyLoad implements AutoCloseable {

	/** Far beyond the storefront's 1 s budget: a request this slow has failed. */
	private static final Duration PATIENCE = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

	private final LongFunction<URI> pages;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong ok = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final Map<String, Long> failures = new ConcurrentHashMap<>();

	private final Histogram latencies = new ConcurrentHistogram(3);

	/**
	 * Starts sending at once.
	 * @param pages the page of the n-th request
	 * @param perSecond requests a second, e.g. 60
	 * @param limit when it stops by itself
	 */
	public SteadyLoad(LongFunction<URI> pages, int perSecond, Duration limit) {
		this.pages = pages;
		this.clock.scheduleAtFixedRate(this::send, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
		this.clock.schedule(this.clock::shutdown, limit.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void send() {
		URI page = this.pages.apply(this.sent.getAndIncrement());
		long start = System.nanoTime();
		this.http
			.sendAsync(HttpRequest.newBuilder(page).timeout(PATIENCE).GET().build(),
					HttpResponse.BodyHandlers.discarding())
			.whenComplete((response, failure) -> {
				this.latencies.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
				if (failure == null && response.statusCode() / 100 == 2) {
					this.ok.incrementAndGet();
				}
				else {
					this.failed.incrementAndGet();
					String why = (failure != null) ? cause(failure).getClass().getSimpleName()
							: "HTTP " + response.statusCode();
					this.failures.merge(why, 1L, Long::sum);
				}
			});
	}

	/** What went wrong under the wrapper an asynchronous send puts around it. */
	private static Throwable cause(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	/** Stops sending and waits for the answers still due. */
	public Result stop() {
		this.clock.shutdownNow();
		long deadline = System.nanoTime() + PATIENCE.plusSeconds(1).toNanos();
		while (this.ok.get() + this.failed.get() < this.sent.get() && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(50));
		}
		return new Result(this.sent.get(), this.ok.get(), this.failed.get(), Map.copyOf(this.failures),
				this.latencies.getValueAtPercentile(50) / 1000.0, this.latencies.getValueAtPercentile(99) / 1000.0);
	}

	@Override
	public void close() {
		this.clock.shutdownNow();
	}

	/** Sleeps, turning an interruption into a failure of the run. */
	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * What a load got.
	 *
	 * @param sent requests sent
	 * @param ok answered 2xx
	 * @param failed anything else, answered or not
	 * @param failures the failed ones by kind
	 * @param p50Ms median latency
	 * @param p99Ms 99th percentile latency
	 */
	public record Result(long sent, long ok, long failed, Map<String, Long> failures, double p50Ms, double p99Ms) {
	}

}
