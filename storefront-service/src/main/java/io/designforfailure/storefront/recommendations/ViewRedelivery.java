package io.designforfailure.storefront.recommendations;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The views that could not be delivered, in a bounded queue, sent again oldest first with
 * their original idempotency key by one background thread: one attempt per pause while
 * recommendations-service stays down, the pause doubling up to a maximum, and the whole
 * queue at once when it answers again. When the queue is full the oldest view is dropped
 * and counted.
 */
class ViewRedelivery {

	private static final Logger logger = LoggerFactory.getLogger(ViewRedelivery.class);

	private final Deque<PendingView> queue = new ArrayDeque<>();

	private final ViewsProperties properties;

	private final Function<PendingView, ViewReceipt> sender;

	private final Counter redelivered;

	private final Counter duplicates;

	private final Counter dropped;

	private final ScheduledExecutorService worker;

	private Duration pause;

	ViewRedelivery(ViewsProperties properties, Function<PendingView, ViewReceipt> sender, MeterRegistry registry) {
		this.properties = properties;
		this.sender = sender;
		this.redelivered = ViewRecorder.outcome(registry, "redelivered");
		this.duplicates = ViewRecorder.outcome(registry, "duplicate");
		this.dropped = ViewRecorder.outcome(registry, "dropped");
		Gauge.builder("storefront.views.pending", this, ViewRedelivery::pending)
			.description("Views waiting to be sent again to recommendations-service")
			.register(registry);
		this.pause = properties.firstRetry();
		this.worker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "view-redelivery");
			thread.setDaemon(true);
			return thread;
		});
	}

	void start() {
		this.worker.schedule(this::redeliverAndReschedule, this.properties.firstRetry().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** Keeps the view for a later attempt, dropping the oldest if the queue is full. */
	void add(PendingView view) {
		PendingView oldest = null;
		synchronized (this.queue) {
			if (this.queue.size() >= this.properties.queueCapacity()) {
				oldest = this.queue.pollFirst();
			}
			this.queue.addLast(view);
		}
		if (oldest != null) {
			drop(oldest, "the redelivery queue is full (" + this.properties.queueCapacity() + ")");
		}
	}

	int pending() {
		synchronized (this.queue) {
			return this.queue.size();
		}
	}

	/**
	 * Sends what waits, oldest first, until the queue is empty or an attempt fails.
	 * @return whether the queue was emptied
	 */
	boolean redeliver() {
		PendingView next;
		while ((next = peek()) != null) {
			try {
				ViewReceipt receipt = this.sender.apply(next);
				(ViewRecorder.DUPLICATE.equals(receipt.status()) ? this.duplicates : this.redelivered).increment();
			}
			catch (ViewRefusedException ex) {
				// A 4xx will never succeed: keeping the view would block every view
				// behind it.
				removeHead(next);
				drop(next, "recommendations-service refused it: " + ex.getMessage());
				continue;
			}
			catch (RuntimeException ex) {
				logger.debug("Redelivery of {} views paused: {}", pending(), ex.getMessage());
				return false;
			}
			removeHead(next);
		}
		return true;
	}

	/**
	 * Stops the background thread, then keeps trying for a bounded time to deliver what
	 * waits, so a planned stop loses nothing recommendations-service can take.
	 */
	void stop() {
		this.worker.shutdownNow();
		try {
			this.worker.awaitTermination(this.properties.shutdownFlush().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		long deadline = System.nanoTime() + this.properties.shutdownFlush().toNanos();
		while (pending() > 0 && System.nanoTime() < deadline && !redeliver()) {
			sleep(this.properties.firstRetry());
		}
		if (pending() > 0) {
			logger.warn("Stopping with {} views undelivered after {}", pending(), this.properties.shutdownFlush());
		}
	}

	private void redeliverAndReschedule() {
		try {
			boolean emptied = redeliver();
			this.pause = emptied ? this.properties.firstRetry() : min(this.pause.multipliedBy(2));
		}
		finally {
			if (!this.worker.isShutdown()) {
				this.worker.schedule(this::redeliverAndReschedule, this.pause.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	private Duration min(Duration doubled) {
		return (doubled.compareTo(this.properties.maxRetry()) > 0) ? this.properties.maxRetry() : doubled;
	}

	private PendingView peek() {
		synchronized (this.queue) {
			return this.queue.peekFirst();
		}
	}

	private void removeHead(PendingView sent) {
		synchronized (this.queue) {
			// A full queue may have dropped it meanwhile.
			if (this.queue.peekFirst() == sent) {
				this.queue.pollFirst();
			}
		}
	}

	private void drop(PendingView view, String why) {
		logger.warn("View of {} by {} dropped: {}", view.view().productId(), view.view().userId(), why);
		this.dropped.increment();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
