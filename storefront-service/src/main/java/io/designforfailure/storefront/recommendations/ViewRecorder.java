package io.designforfailure.storefront.recommendations;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import io.designforfailure.storefront.guard.DependencyGuard;
import io.designforfailure.storefront.guard.DependencyGuards;
import io.designforfailure.storefront.guard.DependencyReporter;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Records product views without making a product page wait or fail: each view is sent off
 * the request thread by the {@code views} thread-pool bulkhead, under one idempotency key
 * kept across its retries so recommendations-service counts it once. A view that cannot
 * be delivered is counted in {@code storefront_views_total{outcome="undelivered"}}, never
 * dropped silently.
 */
@Component
public class ViewRecorder implements DependencyReporter {

	private static final Logger logger = LoggerFactory.getLogger(ViewRecorder.class);

	private final RecommendationsClient client;

	private final DependencyGuard guard;

	private final ThreadPoolBulkhead sender;

	private final Counter delivered;

	private final Counter undelivered;

	ViewRecorder(RecommendationsClient client, DependencyGuards guards, RecommendationsProperties properties,
			ThreadPoolBulkheadRegistry bulkheads, MeterRegistry registry) {
		this.client = client;
		this.guard = guards.guard(properties);
		this.sender = bulkheads.bulkhead("views");
		this.delivered = views("delivered", registry);
		this.undelivered = views("undelivered", registry);
	}

	/** Sends the view in the background; returns at once. */
	public void record(String userId, String productId) {
		ViewEvent view = new ViewEvent(userId, productId);
		String idempotencyKey = UUID.randomUUID().toString();
		try {
			this.sender.executeSupplier(() -> deliver(view, idempotencyKey)).whenComplete((receipt, failure) -> {
				if (failure != null) {
					undelivered(view, unwrap(failure).getMessage());
				}
			});
		}
		catch (BulkheadFullException ex) {
			undelivered(view, "views bulkhead full");
		}
	}

	/** Delivers one view; retried only when it carries a key. */
	ViewReceipt deliver(ViewEvent view, @Nullable String idempotencyKey) {
		ViewReceipt receipt = this.guard.write(idempotencyKey, () -> this.client.recordView(idempotencyKey, view));
		this.delivered.increment();
		return receipt;
	}

	private void undelivered(ViewEvent view, String why) {
		logger.info("View of {} by {} not delivered: {}", view.productId(), view.userId(), why);
		this.undelivered.increment();
	}

	private static Counter views(String outcome, MeterRegistry registry) {
		return Counter.builder("storefront.views")
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

	/** How many views were delivered, and how many not, since start. */
	@Override
	public Map<String, Object> details() {
		return Map.of("views",
				Map.of("delivered", (long) this.delivered.count(), "undelivered", (long) this.undelivered.count()));
	}

}
