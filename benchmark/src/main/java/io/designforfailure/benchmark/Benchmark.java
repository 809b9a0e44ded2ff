package io.designforfailure.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.designforfailure.benchmark.launch.Lab;
import io.designforfailure.benchmark.report.Aggregation;
import io.designforfailure.benchmark.report.Machine;
import io.designforfailure.benchmark.report.MarkdownReport;
import io.designforfailure.benchmark.report.RunData;
import io.designforfailure.benchmark.report.RunResult;
import io.designforfailure.benchmark.report.TimelineChart;
import io.designforfailure.benchmark.scenario.Scenario;
import io.designforfailure.benchmark.scenario.ScenarioRunner;
import io.designforfailure.benchmark.scenario.Scenarios;

/**
 * Starts the real services on loopback, runs every scenario against the guarded
 * storefront and the naive one, and writes a results table and a timeline chart per
 * scenario.
 * <p>
 * Usage, from the repository root after {@code ./mvnw -q -B -DskipTests package}:
 * {@code java -jar benchmark/target/benchmark-VERSION.jar [--quick|--full] [--only=ID,...] [--root=DIR] [--out=DIR]}
 */
public final class Benchmark {

	private Benchmark() {
	}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		Path root = Path.of(argument(args, "--root=", ".")).toAbsolutePath().normalize();
		boolean full = List.of(args).contains("--full");
		Options options = full ? Options.full(root) : Options.quick(root);
		List<Scenario> scenarios = Scenarios.of(full, options.hang(), options.patience());
		String only = argument(args, "--only=", "");
		if (!only.isEmpty()) {
			List<String> ids = List.of(only.split(","));
			scenarios = Scenarios.of(true, options.hang(), options.patience())
				.stream()
				.filter((scenario) -> ids.contains(scenario.id()))
				.toList();
		}
		// A quick look or a part of a run must not overwrite the committed results of a
		// full run.
		String results = (full && only.isEmpty()) ? "docs/benchmark" : "benchmark/target/benchmark-quick";
		run(options, scenarios, root.resolve(argument(args, "--out=", results)));
	}

	private static void run(Options options, List<Scenario> scenarios, Path out) {
		long began = System.nanoTime();
		Machine machine = Machine.now(Machine.load());
		print("Benchmark, %s mode: %d scenarios x guarded/naive, %d users, %s patience; load average %s",
				options.name(), scenarios.size(), options.users(), options.patience(), machine.loadBefore());
		print("Starting search, recommendations and two storefronts on 127.0.0.1 (logs in benchmark/target/bench/logs)");
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		List<String> titles = new ArrayList<>();
		List<RunResult> results = new ArrayList<>();
		try (Lab lab = Lab.start(options.root(), options.root().resolve("benchmark/target/bench"))) {
			Runtime.getRuntime().addShutdownHook(new Thread(lab::close));
			print("Up after %d s", seconds(began));
			ScenarioRunner runner = new ScenarioRunner(lab, http, options.patience());
			print("Warming up the storefronts for %d s", options.warmup().toSeconds());
			runner.warmUp(options.users(), options.warmup());
			ScenarioRunner.Phases phases = new ScenarioRunner.Phases(options.healthy(), options.before(),
					options.fault(), options.after(), options.flap());
			createDirectories(out);
			for (Scenario scenario : scenarios) {
				List<RunData> runs = new ArrayList<>();
				for (Mode mode : Mode.values()) {
					Duration settled = runner.settle(mode);
					print("[%3d s] %s, %s (settled in %.1f s)", seconds(began), scenario.title(), mode.label(),
							settled.toMillis() / 1000.0);
					RunData run = runner.run(scenario, mode, options.users(),
							new ScenarioRunner.SideLoad(options.sideUsers(), options.sideThink()), phases);
					RunResult result = Aggregation.summarize(run);
					print("        %.0f req/s, p99 %.0f ms, max %.0f ms, 2xx %.1f %%, degraded %.1f %%, busy threads %d",
							result.throughput(), result.p99(), result.max(), result.ok() * 100, result.degraded() * 100,
							result.threads().peakBusy());
					runs.add(run);
					titles.add(scenario.title());
					results.add(result);
				}
				Path chart = out.resolve("timeline-" + scenario.id() + ".png");
				TimelineChart.draw(scenario.title(), runs, chart);
			}
		}
		String report = MarkdownReport.render(machine.after(Machine.load()), options.name(), titles, results,
				notes(options, seconds(began)));
		write(out.resolve("results.md"), report);
		print("Done in %d s: %s and its charts", seconds(began), out.resolve("results.md"));
	}

	private static String notes(Options options, long seconds) {
		return String.format(Locale.ROOT,
				"""
						How it was measured: %d virtual users in a closed loop (each sends its next request when the \
						previous one answered) against one storefront at a time; the guarded and the naive storefront run \
						side by side against the same search-service and recommendations-service, and are loaded in turn. \
						A user gives up after %d s: such a request counts as non-2xx with a latency of %d s. Phases: %d s \
						healthy, %d s fault, then load until the users who met the fault get a live answer again plus 1 s, \
						at most %d s (healthy scenario: %d s). A killed dependency is restarted at the \
						end of its fault, which lasts until it is healthy again. Search flapping toggles an exceptions \
						assault (every call HTTP 500) every %d s, twice, because restarting a JVM takes longer than 10 s \
						here. Search hangs by a latency assault of %d s per call. In the isolation scenario %d more users \
						search at the same time, each pausing %d-%d ms before every request; its fault lasts %d s, twice the \
						patience, and the load after it up to %d s, until a naive storefront's hung calls have ended; only \
						the home page users are in the row, and its "fault end to live" is the searching users'. Breakers are polled on \
						/api/resilience every 250 ms; busy threads are `tomcat_threads_busy_threads` from \
						/actuator/prometheus every 500 ms (a poll with no answer within 1 s is counted as unanswered: the \
						storefront could not even answer its own metrics). Whole run: %d s.
						""",
				options.users(), options.patience().toSeconds(), options.patience().toSeconds(),
				options.before().toSeconds(), options.fault().toSeconds(), options.after().toSeconds(),
				options.healthy().toSeconds(), options.flap().toSeconds(), options.hang().toSeconds(),
				options.sideUsers(), options.sideThink().toMillis(), options.sideThink().multipliedBy(2).toMillis(),
				options.patience().multipliedBy(2).toSeconds(),
				options.hang().minus(options.patience().multipliedBy(2)).plus(options.patience()).toSeconds(), seconds);
	}

	private static String argument(String[] args, String prefix, String fallback) {
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return arg.substring(prefix.length());
			}
		}
		return fallback;
	}

	private static long seconds(long since) {
		return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void print(String format, Object... values) {
		System.out.println(String.format(Locale.ROOT, format, values));
	}

}
