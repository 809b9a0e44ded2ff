package io.designforfailure.benchmark.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import io.designforfailure.benchmark.launch.ReplicaLab;
import io.designforfailure.launcher.LoadBalancer;
import io.designforfailure.launcher.ServiceProcess;
import io.designforfailure.launcher.SteadyLoad;
import io.designforfailure.launcher.TcpRelay;

/**
 * Restarts nobody notices, measured: two storefront replicas behind HAProxy (the
 * configuration compose runs) under a steady 60 requests a second of home, search and
 * product pages. A rolling restart stops each replica gracefully and starts it again, one
 * after the other; a {@code kill -9} ends one at once. Every request through the load
 * balancer is counted, and a failed one is any that did not get a 2xx. Then what a broken
 * Redis costs a replica's requests: stopped, black-holed and slow, with the dependencies
 * healthy and with search down, when every answer looks in Redis.
 * <p>
 * {@code ./demo bench --restart}; needs {@code haproxy} on the PATH, and says so when it
 * is missing.
 */
public final class RollingRestart {

	/** At least the 50 a second the target asks for: a busy shop for two cores. */
	private static final int PER_SECOND = 60;

	/**
	 * HAProxy's rise (2) x inter (1 s), plus a margin: until a started replica gets
	 * traffic.
	 */
	private static final Duration BACK_IN_ROTATION = Duration.ofSeconds(4);

	private static final Duration STEADY = Duration.ofSeconds(5);

	private static final Duration REDIS_RUN = Duration.ofSeconds(15);

	/** The longest a phase may run before its load stops by itself. */
	private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);

	private RollingRestart() {
	}

	/** Runs every phase and writes the results to {@code out}/results.md. */
	public static void run(Path root, Path out) {
		if (LoadBalancer.installed().isEmpty()) {
			print("haproxy is not installed (apt-get install haproxy): the rolling-restart benchmark needs it; skipped.");
			return;
		}
		List<String> rows = new ArrayList<>();
		print("Starting PostgreSQL, Redis, search, recommendations, two storefront replicas and HAProxy on 127.0.0.1");
		try (ReplicaLab lab = ReplicaLab.start(root, root.resolve("benchmark/target/bench-replicas"))) {
			LongFunction<URI> shop = (n) -> lab.balancer(page(n));
			measure("warm-up (not counted)", shop, () -> SteadyLoad.sleep(Duration.ofSeconds(15)));
			rows.add(row("rolling restart, replica 1 then 2, graceful (SIGTERM)",
					measure("rolling restart", shop, () -> {
						for (int replica = 1; replica <= 2; replica++) {
							print("  restarting replica %d", replica);
							lab.replica(replica).restart();
							SteadyLoad.sleep(BACK_IN_ROTATION);
						}
					})));
			rows.add(row("kill -9 of replica 1, started again", measure("kill -9", shop, () -> {
				print("  killing replica 1");
				lab.replica(1).kill();
				SteadyLoad.sleep(STEADY);
				lab.replica(1).start();
				lab.replica(1).awaitHealthy();
				SteadyLoad.sleep(BACK_IN_ROTATION);
			})));
			rows.add("");
			rows.add("| Redis | dependencies | requests | failed | p50 ms | p99 ms |");
			rows.add("|---|---|---:|---:|---:|---:|");
			ServiceProcess replica = lab.replica(1);
			redisCosts(lab.redis(), "healthy", (n) -> replica.uri(page(n)), rows::add);
			lab.search().stop();
			// Each query asked once: no replica has it in its own cache, every answer
			// reads Redis.
			redisCosts(lab.redis(), "search down", (n) -> replica.uri("/api/search?q=unseen-" + n), rows::add);
		}
		write(out, rows);
	}

	private static void redisCosts(TcpRelay redis, String dependencies, LongFunction<URI> pages,
			Consumer<String> rows) {
		List<Runnable> faults = List.of(redis::up, redis::down, redis::blackHole,
				() -> redis.slow(Duration.ofMillis(200)));
		List<String> names = List.of("up", "stopped", "black-holed", "slow (200 ms)");
		for (int i = 0; i < faults.size(); i++) {
			faults.get(i).run();
			SteadyLoad load = new SteadyLoad(pages, PER_SECOND, LOAD_LIMIT);
			SteadyLoad.sleep(REDIS_RUN);
			SteadyLoad.Result result = load.stop();
			print("  Redis %s, %s: %s", names.get(i), dependencies, result);
			rows.accept(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f |", names.get(i), dependencies,
					result.sent(), result.failed(), result.p50Ms(), result.p99Ms()));
		}
		redis.up();
	}

	private static SteadyLoad.Result measure(String name, LongFunction<URI> pages, Runnable during) {
		print("%s: %d requests a second through HAProxy", name, PER_SECOND);
		try (SteadyLoad load = new SteadyLoad(pages, PER_SECOND, LOAD_LIMIT)) {
			SteadyLoad.sleep(STEADY);
			during.run();
			SteadyLoad.sleep(STEADY);
			SteadyLoad.Result result = load.stop();
			print("  %s", result);
			return result;
		}
	}

	/** Home, search and product pages in turn, as the shoppers' journey has them. */
	public static String page(long n) {
		return switch ((int) (n % 3)) {
			case 0 -> "/api/home?userId=u-" + (n % 50);
			case 1 ->
				"/api/search?q=" + List.of("tent", "running+shoes", "lamp", "coffee", "backpack").get((int) (n % 5));
			default -> String.format(Locale.ROOT, "/api/products/p-%04d", 1 + n % 200);
		};
	}

	private static String row(String what, SteadyLoad.Result result) {
		return String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %.1f | %.1f |", what, result.sent(), result.ok(),
				result.failed(), result.failures().isEmpty() ? "-" : result.failures(), result.p50Ms(), result.p99Ms());
	}

	private static void write(Path out, List<String> rows) {
		List<String> lines = new ArrayList<>();
		lines.add("# Replicas behind HAProxy: restarts and Redis faults (" + Instant.now() + ")");
		lines.add("");
		lines.add("| what | requests | 2xx | failed | failures | p50 ms | p99 ms |");
		lines.add("|---|---:|---:|---:|---|---:|---:|");
		lines.addAll(rows);
		try {
			Files.createDirectories(out);
			Files.write(out.resolve("results.md"), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		lines.forEach(System.out::println);
	}

	private static void print(String format, Object... arguments) {
		System.out.printf(Locale.ROOT, "%tT %s%n", Instant.now().atZone(java.time.ZoneId.systemDefault()),
				String.format(Locale.ROOT, format, arguments));
	}

}
