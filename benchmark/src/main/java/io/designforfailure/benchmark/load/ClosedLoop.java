package io.designforfailure.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A bounded closed-loop load: each virtual user sends its next request only when the
 * previous one answered or the user gave up waiting (and, with a think time, a moment
 * later), until the load is stopped, its time is up or the user has sent its maximum
 * number of requests.
 */
public final class ClosedLoop {

	/** A backstop far above what a run sends (a few thousand requests per user). */
	private static final int MAX_REQUESTS_PER_USER = 1_000_000;

	private final HttpClient http;

	private final Duration patience;

	private final Duration think;

	private final Consumer<Sample> observer;

	private final List<Thread> users = new ArrayList<>();

	private final List<List<Sample>> samples = new ArrayList<>();

	/** When the latest live answer was sent, in ms since the run's time zero. */
	private final AtomicLong lastLiveMillis = new AtomicLong(Long.MIN_VALUE);

	private volatile boolean stopped;

	/**
	 * @param http the client every user shares
	 * @param patience how long a user waits before giving up on a request
	 */
	public ClosedLoop(HttpClient http, Duration patience) {
		this(http, patience, Duration.ZERO);
	}

	/**
	 * @param http the client every user shares
	 * @param patience how long a user waits before giving up on a request
	 * @param think how long a user pauses before each request: a random time between this
	 * and twice this, so that users do not move in lockstep
	 */
	public ClosedLoop(HttpClient http, Duration patience, Duration think) {
		this(http, patience, think, (sample) -> {
		});
	}

	/**
	 * @param http the client every user shares
	 * @param patience how long a user waits before giving up on a request
	 * @param think how long a user pauses before each request, as above
	 * @param observer told of every sample as it is taken, on the user's thread
	 */
	public ClosedLoop(HttpClient http, Duration patience, Duration think, Consumer<Sample> observer) {
		this.http = http;
		this.patience = patience;
		this.think = think;
		this.observer = observer;
	}

	/**
	 * Whether some user got a live answer to a request sent at or after a moment.
	 * @param millis ms since the run's time zero
	 */
	public boolean liveSince(long millis) {
		return this.lastLiveMillis.get() >= millis;
	}

	/**
	 * Starts the users; each runs until {@link #stop()} or until {@code limit} has
	 * passed.
	 * @param count how many users
	 * @param target the request of a user (first argument) in its n-th iteration (second)
	 * @param originNanos the run's time zero, from {@link System#nanoTime()}
	 * @param limit the longest the load may run
	 */
	public void start(int count, BiFunction<Integer, Integer, URI> target, long originNanos, Duration limit) {
		long stopAt = System.nanoTime() + limit.toNanos();
		for (int user = 0; user < count; user++) {
			List<Sample> own = new ArrayList<>();
			this.samples.add(own);
			int id = user;
			Thread thread = new Thread(() -> run(id, target, originNanos, stopAt, own), "user-" + user);
			thread.setDaemon(true);
			this.users.add(thread);
			thread.start();
		}
	}

	/** Stops every user after its request in flight and returns everything they saw. */
	public List<Sample> stop() {
		this.stopped = true;
		long deadline = System.nanoTime() + this.patience.plusSeconds(5).toNanos();
		for (Thread user : this.users) {
			try {
				user.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		List<Sample> all = new ArrayList<>();
		for (int user = 0; user < this.users.size(); user++) {
			// A user still stuck after the deadline is abandoned: its thread is a daemon.
			if (!this.users.get(user).isAlive()) {
				all.addAll(this.samples.get(user));
			}
		}
		return all;
	}

	private void run(int user, BiFunction<Integer, Integer, URI> target, long originNanos, long stopAt,
			List<Sample> own) {
		for (int iteration = 0; iteration < MAX_REQUESTS_PER_USER && !this.stopped
				&& System.nanoTime() < stopAt; iteration++) {
			// Thinking before the first request too spreads the users' arrival instead of
			// sending them all in the same millisecond.
			if (!this.think.isZero() && !pause()) {
				return;
			}
			HttpRequest request = HttpRequest.newBuilder(target.apply(user, iteration)).timeout(this.patience).build();
			long start = System.nanoTime();
			Outcome outcome;
			String reason = null;
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				outcome = Outcome.of(response.statusCode(), response.body());
				if (outcome == Outcome.DEGRADED) {
					reason = Outcome.reason(response.body());
				}
			}
			catch (IOException ex) {
				outcome = Outcome.FAILED;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long end = System.nanoTime();
			long sentMillis = TimeUnit.NANOSECONDS.toMillis(start - originNanos);
			Sample sample = new Sample(sentMillis, TimeUnit.NANOSECONDS.toMicros(end - start), outcome, reason);
			own.add(sample);
			this.observer.accept(sample);
			if (outcome == Outcome.LIVE) {
				this.lastLiveMillis.accumulateAndGet(sentMillis, Math::max);
			}
		}
	}

	private boolean pause() {
		long millis = this.think.toMillis();
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(millis, 2 * millis + 1));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
