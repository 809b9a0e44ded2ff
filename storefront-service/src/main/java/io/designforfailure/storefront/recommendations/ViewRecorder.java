package io.designforfailure.storefront.recommendations;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import io.designforfailure.storefront.guard.DependencyFailure;
import io.designforfailure.storefront.guard.DependencyGuard;
import io.designforfailure.storefront.guard.DependencyGuards;
import io.designforfailure.storefront.guard.DependencyReporter;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records product views without making a product page wait or fail, and without losing
 * one: each view is sent off the request thread by the {@code views} thread-pool
 * bulkhead, under one idempotency key kept across its retries and redeliveries so
 * recommendations-service counts it once. A view that cannot be delivered now (breaker
 * open, unreachable, 503, timeout, bulkhead full) waits in the {@link ViewRedelivery}
 * queue; one refused with {@code Retry-After} sends the views after it there too, for as
 * long as it asked. {@code storefront_views_total{outcome}} counts {@code delivered},
 * {@code duplicate}, {@code redelivered} and {@code dropped}.
 */
@Component
public class ViewRecorder implements SmartLifecycle, DependencyReporter {

	static final String DUPLICATE = "duplicate";

	private static final String METRIC = "storefront.views";

	private static final Logger logger = LoggerFactory.getLogger(ViewRecorder.class);

	private final RecommendationsClient client;

	private final DependencyGuard guard;

	private final ThreadPoolBulkhead sender;

	private final Counter delivered;

	private final Counter duplicates;

	private final Counter redelivered;

	private final Counter dropped;

	private final ViewRedelivery redelivery;

	private final boolean enabled;

	/**
	 * Until when (on the ticker, in ns) new views go straight to the redelivery queue:
	 * recommendations-service refused one with {@code Retry-After}.
	 */
	private final AtomicLong holdUntil;

	private final Ticker ticker;

	private volatile boolean running;

	ViewRecorder(RecommendationsClient client, DependencyGuards guards, RecommendationsProperties properties,
			ViewsProperties views, ThreadPoolBulkheadRegistry bulkheads, MeterRegistry registry, Ticker ticker) {
		this.ticker = ticker;
		this.holdUntil = new AtomicLong(ticker.read());
		this.client = client;
		this.guard = guards.guard(properties);
		this.sender = bulkheads.bulkhead("views");
		this.delivered = outcome(registry, "delivered");
		this.duplicates = outcome(registry, DUPLICATE);
		this.redelivered = outcome(registry, "redelivered");
		this.dropped = outcome(registry, "dropped");
		this.enabled = views.enabled();
		if (!this.enabled) {
			logger.warn("Product views are not recorded (storefront.recommendations.views.enabled=false)");
		}
		this.redelivery = new ViewRedelivery(views, this::deliver, registry);
	}

	/**
	 * Sends the view in the background, unless views are switched off; returns at once.
	 */
	public void record(String userId, String productId) {
		if (!this.enabled) {
			return;
		}
		PendingView view = new PendingView(new ViewEvent(userId, productId), UUID.randomUUID().toString(),
				this.guard.origin());
		if (this.ticker.read() - this.holdUntil.get() < 0) {
			// Asked to wait: sending now would only be refused again, and while its
			// database is down each refusal takes a share of the capacity its reads need.
			this.redelivery.add(view);
			return;
		}
		try {
			this.sender.executeSupplier(() -> deliver(view)).whenComplete((receipt, failure) -> {
				if (failure == null) {
					(DUPLICATE.equals(receipt.status()) ? this.duplicates : this.delivered).increment();
				}
				else {
					// Logged in the page's trace, like the delivery it tells of.
					this.guard.inTraceOf(view.origin(), () -> undelivered(view, unwrap(failure)));
				}
			});
		}
		catch (BulkheadFullException ex) {
			this.redelivery.add(view);
		}
	}

	/**
	 * Delivers one view, in the trace of the page that recorded it; retried only when it
	 * carries a key.
	 */
	ViewReceipt deliver(PendingView pending) {
		String idempotencyKey = pending.idempotencyKey();
		ViewEvent view = pending.view();
		try {
			return this.guard.write(pending.origin(), idempotencyKey,
					() -> this.client.recordView(idempotencyKey, view));
		}
		catch (DependencyFailure failure) {
			if (failure.requestRefused()) {
				throw new ViewRefusedException(failure.getMessage(), failure);
			}
			throw failure;
		}
	}

	/** How many views wait for redelivery now. */
	public int pending() {
		return this.redelivery.pending();
	}

	private void undelivered(PendingView view, Throwable failure) {
		if (failure instanceof ViewRefusedException) {
			// A 4xx will never succeed, however often it is sent: a bug to see in the
			// log.
			logger.warn("View of {} by {} refused: {}", view.view().productId(), view.view().userId(),
					failure.getMessage());
			this.dropped.increment();
			return;
		}
		if (failure instanceof DependencyFailure refused && refused.retryAfter() != null) {
			long until = this.ticker.read() + refused.retryAfter().toNanos();
			this.holdUntil.accumulateAndGet(until, (current, next) -> (next - current > 0) ? next : current);
		}
		logger.info("View of {} by {} kept for redelivery: {}", view.view().productId(), view.view().userId(),
				failure.getMessage());
		this.redelivery.add(view);
	}

	static Counter outcome(MeterRegistry registry, String outcome) {
		return Counter.builder(METRIC)
			.description("Product views sent to recommendations-service, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	@Override
	public String dependency() {
		return this.guard.name();
	}

	/**
	 * What became of the views sent since start, how many wait now, and the state of the
	 * writes' breaker.
	 */
	@Override
	public Map<String, Object> details() {
		return Map.of("views",
				Map.of("delivered", (long) this.delivered.count(), "duplicate", (long) this.duplicates.count(),
						"redelivered", (long) this.redelivered.count(), "dropped", (long) this.dropped.count(),
						"pending", (long) pending(), "breaker", this.guard.writesBreakerState().name()));
	}

	@Override
	public void start() {
		this.redelivery.start();
		this.running = true;
	}

	/**
	 * After the web server has stopped taking requests (a lower phase stops later), so no
	 * new view arrives while the queue is flushed.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.redelivery.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}
