package io.designforfailure.storefront.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.designforfailure.launcher.TcpRelay;
import redis.embedded.RedisServer;

/**
 * A real Redis (embedded-redis: the redis-server binary from Maven Central, on a free
 * loopback port) behind a {@link TcpRelay} that the tests switch between up, slow,
 * black-holed and down. What the storefront talks to is always a real Redis or nothing.
 */
final class RedisStandIn {

	private static RedisStandIn shared;

	private final RedisServer redis;

	private final int redisPort;

	private final TcpRelay relay;

	private RedisStandIn() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.redisPort = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			this.redis = RedisServer.newRedisServer().bind("127.0.0.1").port(this.redisPort).build();
			this.redis.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.relay = new TcpRelay(this.redisPort);
	}

	/**
	 * The one stand-in of this JVM, started when first asked for and stopped when the JVM
	 * exits: every test class with the shared level switched on talks to it.
	 */
	static synchronized RedisStandIn shared() {
		if (shared == null) {
			RedisStandIn standIn = new RedisStandIn();
			Runtime.getRuntime().addShutdownHook(new Thread(standIn::stop));
			shared = standIn;
		}
		return shared;
	}

	/** Where the storefront finds Redis: the relay. */
	String url() {
		return "redis://127.0.0.1:" + this.relay.port();
	}

	/**
	 * Where Redis itself listens, for a test that writes behind the storefront's back.
	 */
	String directUrl() {
		return "redis://127.0.0.1:" + this.redisPort;
	}

	void up() {
		this.relay.up();
	}

	void slow(Duration delay) {
		this.relay.slow(delay);
	}

	void blackHole() {
		this.relay.blackHole();
	}

	void down() {
		this.relay.down();
	}

	private void stop() {
		this.relay.close();
		try {
			this.redis.stop();
		}
		catch (IOException ex) {
			// The JVM is exiting; the server dies with it.
		}
	}

}
