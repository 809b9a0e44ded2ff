package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.hc.core5.concurrent.Cancellable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Bounds a whole HTTP exchange, headers and body, by aborting it. HttpClient's socket
 * timeout bounds each read, which a server dripping one byte at a time defeats, and
 * Resilience4j's TimeLimiter cannot interrupt a blocking call. Aborting the request
 * closes its socket, so the blocked thread returns at once and holds no bulkhead permit.
 * <p>
 * The exchange started by a thread inside {@link #limit} is found through a thread-local
 * that lives exactly as long as that call: {@link AbortableRequestFactory} registers the
 * request, {@link BodyLimitInterceptor} aborts it when the body grows too large.
 */
@Component
public class ExchangeTimer implements DisposableBean {

	private static final ThreadLocal<Exchange> current = new ThreadLocal<>();

	private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "exchange-timer");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Runs {@code call}, aborting the HTTP exchange it makes if it is not complete within
	 * {@code limit}.
	 * @throws AttemptTimedOutException if the limit was reached, whatever the call then
	 * threw
	 */
	public <T> T limit(Duration limit, Supplier<T> call) {
		Exchange exchange = new Exchange(System.nanoTime() + limit.toNanos());
		current.set(exchange);
		ScheduledFuture<?> alarm = this.alarms.schedule(exchange::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
		try {
			T result = call.get();
			if (exchange.expired()) {
				throw new AttemptTimedOutException(limit, null);
			}
			return result;
		}
		catch (RuntimeException ex) {
			throw exchange.expired() ? new AttemptTimedOutException(limit, ex) : ex;
		}
		finally {
			alarm.cancel(false);
			current.remove();
		}
	}

	/**
	 * Puts the request under the current attempt's timer.
	 * @return how long the attempt will still wait for it, or {@code null} outside
	 * {@link #limit}
	 */
	static Duration register(Cancellable request) {
		Exchange exchange = current.get();
		if (exchange == null) {
			return null;
		}
		exchange.attach(request);
		return Duration.ofNanos(Math.max(0, exchange.deadline - System.nanoTime()));
	}

	static void abortCurrent() {
		Exchange exchange = current.get();
		if (exchange != null) {
			exchange.abort();
		}
	}

	@Override
	public void destroy() {
		this.alarms.shutdownNow();
	}

	/** One timed exchange: the request it made, and whether its time ran out. */
	private static final class Exchange {

		private final long deadline;

		private Cancellable request;

		private boolean expired;

		Exchange(long deadline) {
			this.deadline = deadline;
		}

		synchronized void attach(Cancellable request) {
			this.request = request;
			if (this.expired) {
				request.cancel();
			}
		}

		synchronized void expire() {
			this.expired = true;
			abort();
		}

		synchronized void abort() {
			if (this.request != null) {
				this.request.cancel();
			}
		}

		synchronized boolean expired() {
			return this.expired;
		}

	}

}
