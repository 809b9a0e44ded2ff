package io.designforfailure.storefront.guard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;

/**
 * The shared level of last-good answers: a Redis every replica reads and writes, guarded
 * like any dependency. Unset {@code redisUrl}: no shared level, no client, nothing
 * connects.
 *
 * @param redisUrl where Redis listens, e.g. {@code redis://redis:6379}
 * ({@code REDIS_URL})
 * @param name the name of its Resilience4j instances, metrics and console entry
 * @param keyPrefix what every key starts with: namespaced and versioned, so that a
 * replica never reads what another version wrote
 * @param connection how long connecting and each command may take, and how much waits
 * @param keepAlive how a connection that went silent is noticed
 * @param writesBulkhead the thread-pool bulkhead that writes off the request thread
 */
@ConfigurationProperties("storefront.cache")
record CacheProperties(@Nullable String redisUrl, String name, String keyPrefix, Connection connection,
		KeepAlive keepAlive, String writesBulkhead) {

	boolean enabled() {
		return this.redisUrl != null && !this.redisUrl.isBlank();
	}

	/**
	 * Timeouts and bounds of the one connection.
	 *
	 * @param connectTimeout how long to wait for a connection
	 * @param commandTimeout how long one command may take: what a request pays at most
	 * @param requestQueueSize how many commands may wait for an answer at once; beyond it
	 * a command is refused at once
	 * @param reconnectDelay the longest wait between two attempts to reconnect
	 * @param startupWait how long a starting replica waits for its first connection
	 * before it goes on without; never part of readiness
	 */
	record Connection(Duration connectTimeout, Duration commandTimeout, int requestQueueSize, Duration reconnectDelay,
			Duration startupWait) {
	}

	/**
	 * TCP keepalive probes and TCP_USER_TIMEOUT: a peer that vanished without a reset (a
	 * network cut, a black hole) closes the connection after {@code idle} + {@code
	 * interval} x {@code count} when idle, or {@code userTimeout} with data
	 * unacknowledged, instead of the kernel's two hours or fifteen minutes.
	 *
	 * @param idle silence before the first probe
	 * @param interval between probes
	 * @param count unanswered probes before the connection is closed
	 * @param userTimeout how long sent data may stay unacknowledged (Linux, epoll)
	 */
	record KeepAlive(Duration idle, Duration interval, int count, Duration userTimeout) {
	}

}
