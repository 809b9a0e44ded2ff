package io.designforfailure.benchmark.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * A bounded open-loop load: requests arrive at a fixed rate, as shoppers do, whether or
 * not earlier ones have been answered; a closed loop instead asks again at once after a
 * fast degraded answer, so the faster a storefront degrades, the harder it is pushed.
 * Each request's latency counts from when it was due, so a load generator that falls
 * behind shows as latency rather than hiding it. It stops when its time is up or it is
 * stopped; no more than a given number of requests wait for an answer at once, and an
 * arrival beyond that is not sent but counted, as {@code unsent}.
 */
public final class OpenLoop {

	/** The reason of an arrival the generator did not send because too many wait. */
	public static final String UNSENT = "unsent";

	private final HttpClient http;

	private final Duration patience;

	private final double perSecond;

	private final int maxOutstanding;

	private final List<Sample> samples = new ArrayList<>();

	private final AtomicInteger outstanding = new AtomicInteger();

	private volatile boolean stopped;

	private Thread arrivals;

	/**
	 * @param http the client the requests share
	 * @param patience how long a request waits for its answer before it is given up
	 * @param perSecond how many requests arrive each second
	 * @param maxOutstanding the most requests that may wait for an answer at once
	 */
	public OpenLoop(HttpClient http, Duration patience, double perSecond, int maxOutstanding) {
		this.http = http;
		this.patience = patience;
		this.perSecond = perSecond;
		this.maxOutstanding = maxOutstanding;
	}

	/**
	 * Starts the arrivals; they stop after {@code limit} or at {@link #stop()}.
	 * @param target the n-th request (first argument; the second is always 0)
	 * @param originNanos the run's time zero, from {@link System#nanoTime()}
	 * @param limit the longest the load may run
	 */
	public void start(BiFunction<Integer, Integer, URI> target, long originNanos, Duration limit) {
		long begin = System.nanoTime();
		long stopAt = begin + limit.toNanos();
		double interval = 1e9 / this.perSecond;
		this.arrivals = new Thread(() -> {
			for (long n = 0; !this.stopped; n++) {
				long due = begin + Math.round(n * interval);
				if (due >= stopAt) {
					return;
				}
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				send(target.apply((int) (n % Integer.MAX_VALUE), 0), due, originNanos);
			}
		}, "arrivals");
		this.arrivals.setDaemon(true);
		this.arrivals.start();
	}

	/** Waits until every arrival of the time given to {@link #start} is due and sent. */
	void awaitArrivals() throws InterruptedException {
		this.arrivals.join();
	}

	/**
	 * Stops the arrivals, waits for the requests still out (at most their patience) and
	 * returns every sample.
	 */
	public List<Sample> stop() {
		this.stopped = true;
		long deadline = System.nanoTime() + this.patience.plusSeconds(5).toNanos();
		try {
			if (this.arrivals != null) {
				this.arrivals.join(this.patience.toMillis());
			}
			while (this.outstanding.get() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this.samples) {
			return List.copyOf(this.samples);
		}
	}

	private void send(URI uri, long due, long originNanos) {
		long dueMillis = TimeUnit.NANOSECONDS.toMillis(due - originNanos);
		if (this.outstanding.get() >= this.maxOutstanding) {
			record(new Sample(dueMillis, 0, Outcome.FAILED, UNSENT));
			return;
		}
		this.outstanding.incrementAndGet();
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(this.patience).build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			long latency = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
			Outcome outcome = (response != null) ? Outcome.of(response.statusCode(), response.body()) : Outcome.FAILED;
			String reason = (outcome == Outcome.DEGRADED) ? Outcome.reason(response.body()) : null;
			record(new Sample(dueMillis, latency, outcome, reason));
			this.outstanding.decrementAndGet();
		});
	}

	private void record(Sample sample) {
		synchronized (this.samples) {
			this.samples.add(sample);
		}
	}

}
