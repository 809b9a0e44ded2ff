package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis as the shared level, guarded like a dependency and never retried: every command
 * is bounded by the command timeout, goes through a breaker of its own, and while the
 * connection is down is refused at once ({@code REJECT_COMMANDS}) instead of queued; the
 * queue of commands awaiting an answer is bounded too. Writes run on a thread-pool
 * bulkhead that drops, and counts, what it cannot take. A read that fails is a miss.
 * {@code storefront_redis_total{operation,outcome}} counts every read and write.
 */
final class RedisLevel implements SharedLevel, DependencyReporter, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisLevel.class);

	static final String READ = "read";

	static final String WRITE = "write";

	private final String name;

	private final ClientResources resources;

	private final RedisClient client;

	private final RedisURI uri;

	private final CircuitBreaker breaker;

	private final ThreadPoolBulkhead writers;

	private final MeterRegistry meters;

	private final AtomicReference<StatefulRedisConnection<String, String>> connection = new AtomicReference<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final CountDownLatch connected = new CountDownLatch(1);

	private final Duration reconnectDelay;

	private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

	RedisLevel(CacheProperties properties, CircuitBreaker breaker, ThreadPoolBulkhead writers, MeterRegistry meters) {
		this.name = properties.name();
		this.breaker = breaker;
		this.writers = writers;
		this.meters = meters;
		CacheProperties.Connection limits = properties.connection();
		this.reconnectDelay = limits.reconnectDelay();
		// Never retried on the request path: Lettuce reconnects in the background,
		// at most this far apart, so a Redis that is back is used within a second.
		this.resources = ClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(10), limits.reconnectDelay(), 2, TimeUnit.MILLISECONDS))
			.build();
		this.uri = RedisURI.builder(RedisURI.create(properties.redisUrl()))
			.withTimeout(limits.commandTimeout())
			.build();
		this.client = RedisClient.create(this.resources);
		this.client.setOptions(options(limits, properties.keepAlive()));
	}

	private static ClientOptions options(CacheProperties.Connection limits, CacheProperties.KeepAlive keepAlive) {
		return ClientOptions.builder()
			// Refused at once while the connection is down; Lettuce's default queues
			// such commands, unbounded, until it has reconnected.
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.requestQueueSize(limits.requestQueueSize())
			.socketOptions(SocketOptions.builder()
				.connectTimeout(limits.connectTimeout())
				.keepAlive(SocketOptions.KeepAliveOptions.builder()
					.enable()
					.idle(keepAlive.idle())
					.interval(keepAlive.interval())
					.count(keepAlive.count())
					.build())
				.tcpUserTimeout(SocketOptions.TcpUserTimeoutOptions.builder()
					.enable()
					.tcpUserTimeout(keepAlive.userTimeout())
					.build())
				.build())
			.build();
	}

	@Override
	public Optional<String> read(String key) {
		try {
			String value = this.breaker.executeSupplier(() -> connected().sync().get(key));
			count(READ, (value != null) ? "hit" : "miss");
			return Optional.ofNullable(value);
		}
		catch (RuntimeException ex) {
			count(READ, outcome(ex));
			return Optional.empty();
		}
	}

	@Override
	public void write(String key, String value, Duration timeToLive) {
		try {
			this.writers.executeRunnable(() -> send(key, value, timeToLive));
		}
		catch (BulkheadFullException ex) {
			count(WRITE, "dropped");
		}
	}

	private void send(String key, String value, Duration timeToLive) {
		try {
			this.breaker
				.executeRunnable(() -> connected().sync().set(key, value, SetArgs.Builder.px(timeToLive.toMillis())));
			count(WRITE, "ok");
		}
		catch (RuntimeException ex) {
			count(WRITE, outcome(ex));
		}
	}

	/**
	 * The connection, once made; Lettuce keeps it and reconnects it by itself. Until the
	 * first connection succeeds it is tried in the background, never on a request.
	 * @throws RedisConnectionException while there is none
	 */
	private StatefulRedisConnection<String, String> connected() {
		StatefulRedisConnection<String, String> current = this.connection.get();
		if (current == null) {
			throw new RedisConnectionException("Not connected to " + this.name + " yet");
		}
		return current;
	}

	/**
	 * Connects, trying again after the reconnect delay until it succeeds or is closed.
	 */
	void connectInBackground() {
		if (this.closed.get()) {
			return;
		}
		this.client.connectAsync(StringCodec.UTF8, this.uri).whenComplete((made, failure) -> {
			if (failure != null) {
				logger.debug("Cannot connect to {} yet: {}", this.name, failure.toString());
				if (!this.closed.get()) {
					this.resources.eventExecutorGroup()
						.schedule(this::connectInBackground, this.reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			else if (this.closed.get()) {
				made.closeAsync();
			}
			else {
				this.connection.set(made);
				this.connected.countDown();
				logger.info("Connected to {} at {}:{}", this.name, this.uri.getHost(), this.uri.getPort());
			}
		});
	}

	/**
	 * Waits at most {@code limit} for the first connection, so that a replica that starts
	 * beside a healthy Redis is not cold; with Redis unreachable it goes on without.
	 * @return whether it is connected
	 */
	boolean awaitFirstConnection(Duration limit) {
		try {
			return this.connected.await(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** How a command ended, in the words of the sections' reasons. */
	private static String outcome(RuntimeException ex) {
		if (ex instanceof CallNotPermittedException) {
			return "circuit-open";
		}
		if (ex instanceof RedisCommandTimeoutException) {
			return "timeout";
		}
		if (ex instanceof RedisConnectionException || isRejected(ex)) {
			return "unavailable";
		}
		return "error";
	}

	/** Refused while disconnected, or with the request queue full. */
	private static boolean isRejected(RuntimeException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.contains("not connected") || message.contains("Request queue size exceeded");
	}

	private void count(String operation, String outcome) {
		this.outcomes
			.computeIfAbsent(operation + ":" + outcome,
					(key) -> Counter.builder("storefront.redis")
						.description("Reads and writes of the shared level, by outcome")
						.tag("operation", operation)
						.tag("outcome", outcome)
						.register(this.meters))
			.increment();
	}

	long counted(String operation, String... outcomes) {
		long total = 0;
		for (String outcome : outcomes) {
			Counter counter = this.outcomes.get(operation + ":" + outcome);
			total += (counter != null) ? (long) counter.count() : 0;
		}
		return total;
	}

	@Override
	public String dependency() {
		return this.name;
	}

	/** Hits, misses, errors and dropped writes, since start. */
	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		StatefulRedisConnection<String, String> current = this.connection.get();
		details.put("connected", current != null && current.isOpen());
		details.put("hits", counted(READ, "hit"));
		details.put("misses", counted(READ, "miss"));
		details.put("errors",
				counted(READ, "timeout", "unavailable", "error") + counted(WRITE, "timeout", "unavailable", "error"));
		details.put("refused", counted(READ, "circuit-open") + counted(WRITE, "circuit-open"));
		details.put("writes", counted(WRITE, "ok"));
		details.put("writesDropped", counted(WRITE, "dropped"));
		return details;
	}

	GuardReport report(BreakerTransitions transitions) {
		return GuardReport.ofBreaker(this.breaker, transitions.latest(this.name));
	}

	@Override
	public void close() {
		this.closed.set(true);
		StatefulRedisConnection<String, String> current = this.connection.getAndSet(null);
		if (current != null) {
			current.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		this.resources.shutdown(0, 1, TimeUnit.SECONDS);
	}

}
