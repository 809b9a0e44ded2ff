package io.designforfailure.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * The demo's {@code cache} process: a real Redis (the redis-server binary that
 * embedded-redis ships inside its jar, from Maven Central) on a loopback port, in the
 * foreground until the process is told to stop (SIGTERM or Ctrl-C), which stops the
 * server. It is a cache: nothing is saved to disk, and it never outgrows its memory
 * bound, evicting the least recently used answers instead.
 * <p>
 * Usage: {@code java -jar service-launcher-VERSION-cache.jar DIRECTORY PORT}
 */
public final class CacheMain {

	/**
	 * Thousands of cached answers of a few KB each; a cache that fills evicts, never
	 * fails.
	 */
	private static final String MAX_MEMORY = "64mb";

	private CacheMain() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length != 2 || !args[1].matches("\\d{1,5}")) {
			System.err.println("usage: java -jar service-launcher-VERSION-cache.jar DIRECTORY PORT");
			System.exit(2);
		}
		Path directory = Files.createDirectories(Path.of(args[0])).toAbsolutePath().normalize();
		int port = Integer.parseInt(args[1]);
		RedisServer server = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(port)
			.setting("dir " + directory)
			.setting("save \"\"")
			.setting("appendonly no")
			.setting("maxmemory " + MAX_MEMORY)
			.setting("maxmemory-policy allkeys-lru")
			.soutListener(System.out::println)
			.serrListener(System.err::println)
			.build();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.stop();
			}
			catch (IOException ex) {
				System.err.println("Could not stop Redis: " + ex);
			}
		}, "cache-shutdown"));
		server.start();
		System.out
			.println("Redis is up: redis://127.0.0.1:" + port + " (" + MAX_MEMORY + ", least recently used evicted)");
		while (server.isActive()) {
			Thread.sleep(500);
		}
	}

}
