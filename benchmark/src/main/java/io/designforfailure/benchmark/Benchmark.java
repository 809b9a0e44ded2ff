package io.designforfailure.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.designforfailure.benchmark.launch.Lab;
import io.designforfailure.benchmark.observe.ViewAudit;
import io.designforfailure.benchmark.replicas.RollingRestart;
import io.designforfailure.benchmark.report.Aggregation;
import io.designforfailure.benchmark.report.Capacity;
import io.designforfailure.benchmark.report.LoadResult;
import io.designforfailure.benchmark.report.Machine;
import io.designforfailure.benchmark.report.MarkdownReport;
import io.designforfailure.benchmark.report.OverloadChart;
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
 * {@code java -jar benchmark/target/benchmark-VERSION.jar [--quick|--full] [--only=ID,...] [--root=DIR] [--out=DIR]};
 * {@code --restart} runs {@link RollingRestart} instead.
 */
public final class Benchmark {

	private Benchmark() {
	}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		Path root = Path.of(argument(args, "--root=", ".")).toAbsolutePath().normalize();
		if (List.of(args).contains("--restart")) {
			RollingRestart.run(root, root.resolve(argument(args, "--out=", "benchmark/target/benchmark-restart")));
			return;
		}
		boolean full = List.of(args).contains("--full");
		Options options = full ? Options.full(root) : Options.quick(root);
		List<Scenario> scenarios = Scenarios.of(full, options.hang(), options.patience());
		String only = argument(args, "--only=", "");
		if (!only.isEmpty()) {
			// An id, or the start of several: overload, retry-storm.
			List<String> ids = List.of(only.split(","));
			scenarios = Scenarios.of(true, options.hang(), options.patience())
				.stream()
				.filter((scenario) -> ids.stream()
					.anyMatch((id) -> scenario.id().equals(id) || scenario.id().startsWith(id + "-")))
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
		Set<Lab.Extra> extras = EnumSet.noneOf(Lab.Extra.class);
		if (scenarios.stream().anyMatch(Scenario::viaProxy)) {
			extras.add(Lab.Extra.FLAKY_SEARCH);
		}
		if (scenarios.stream().anyMatch((scenario) -> scenario.onTwin() && !scenario.onTracingTwins())) {
			extras.add(Lab.Extra.TWINS);
		}
		if (scenarios.stream().anyMatch(Scenario::onTracingTwins)) {
			extras.add(Lab.Extra.TRACING_TWINS);
		}
		print("Starting PostgreSQL, search, recommendations and %d storefronts on 127.0.0.1%s%s%s (logs in benchmark/target/bench/logs)",
				2 + (extras.contains(Lab.Extra.FLAKY_SEARCH) ? 2 : 0) + (extras.contains(Lab.Extra.TWINS) ? 2 : 0)
						+ (extras.contains(Lab.Extra.TRACING_TWINS) ? 2 : 0),
				extras.contains(Lab.Extra.FLAKY_SEARCH) ? ", two through the flaky proxy" : "",
				extras.contains(Lab.Extra.TWINS) ? ", two twins but for recording views" : "",
				extras.contains(Lab.Extra.TRACING_TWINS) ? ", two twins but for tracing, and Zipkin" : "");
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		List<String> titles = new ArrayList<>();
		List<RunResult> results = new ArrayList<>();
		Loads overloads = new Loads();
		Loads storms = new Loads();
		List<MarkdownReport.ViewRow> views = new ArrayList<>();
		Map<Mode, List<LoadResult>> ramp = new EnumMap<>(Mode.class);
		Map<Mode, Capacity> capacity = new EnumMap<>(Mode.class);
		for (Mode mode : Mode.values()) {
			ramp.put(mode, new ArrayList<>());
			capacity.put(mode, Capacity.assumed(options.users()));
		}
		try (Lab lab = Lab.start(options.root(), options.root().resolve("benchmark/target/bench"), extras)) {
			Runtime.getRuntime().addShutdownHook(new Thread(lab::close));
			print("Up after %d s", seconds(began));
			ScenarioRunner runner = new ScenarioRunner(lab, http, options.patience());
			print("Warming up the storefronts for %d s", options.warmup().toSeconds() * lab.storefronts().size() / 2);
			runner.warmUp(options.users(), options.warmup());
			ScenarioRunner.Phases phases = new ScenarioRunner.Phases(options.healthy(), options.before(),
					options.fault(), options.after(), options.flap(), options.steady());
			createDirectories(out);
			for (Scenario scenario : scenarios) {
				if (scenario.users().overloads() && !capacity.get(Mode.GUARDED).measured()) {
					print("        capacity not measured in this run (add --only=overload): %d users stand in",
							options.users());
				}
				int users = scenario.users().resolve(options.users(), capacity.get(Mode.GUARDED).users());
				List<RunData> runs = new ArrayList<>();
				for (Mode mode : scenario.modes()) {
					if (scenario.onTwin()) {
						runner.warmUpTwin(scenario, users, options.warmup().dividedBy(2));
					}
					Duration settled = runner.settle(scenario, mode);
					print("[%3d s] %s, %s, %d users (settled in %.1f s)", seconds(began), scenario.title(),
							mode.label(), users, settled.toMillis() / 1000.0);
					RunData run = runner.run(scenario, mode, users,
							new ScenarioRunner.SideLoad(options.sideUsers(), options.sideThink()), phases);
					RunResult result = Aggregation.summarize(run);
					print("        %.0f req/s, p99 %.0f ms, max %.0f ms, 2xx %.1f %%, degraded %.1f %%, busy threads %d",
							result.throughput(), result.p99(), result.max(), result.ok() * 100, result.degraded() * 100,
							result.threads().peakBusy());
					runs.add(run);
					titles.add(scenario.title());
					results.add(result);
					if (scenario.onProductPages()) {
						ViewAudit.Views seen = run.load().views();
						if (seen != null) {
							print("        views: %d pages answered, %d in the database, %d redelivered, %d dropped, at most %d waiting, %s",
									seen.pages(), seen.inDatabase(), seen.redelivered(), seen.dropped(),
									seen.peakPending(),
									(seen.settledMillis() != null) ? String.format(Locale.ROOT,
											"all in the database %.1f s after the fault or load",
											seen.settledMillis() / 1000.0) : "not all in the database");
						}
						Map<String, Double> answers = Aggregation.answers(run);
						print("        answers %s", MarkdownReport.answers(answers));
						views.add(new MarkdownReport.ViewRow(scenario.title(), result, answers, seen));
						if (scenario.onBothTwins()) {
							RunData beside = run.beside();
							RunResult twin = Aggregation.summarize(beside);
							String besideTwin = scenario.onTracingTwins() ? "the twin with tracing off"
									: "the twin not recording views";
							print("        beside it, %s: %.0f req/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms, 2xx %.1f %%",
									besideTwin, twin.throughput(), twin.p50(), twin.p99(), twin.max(), twin.ok() * 100);
							views.add(new MarkdownReport.ViewRow(scenario.title() + ": " + besideTwin, twin,
									Aggregation.answers(beside), null));
						}
					}
					if (scenario.users().findsCapacity() || scenario.users().overloads() || scenario.viaProxy()) {
						LoadResult load = Aggregation.load(run);
						print("        live %.0f/s, answers %s, breaker opened: %s%s; CPU: benchmark %.0f %%, storefront %.0f %%, search %.0f %%, others %.0f %%",
								load.liveGoodput(), MarkdownReport.answers(load.answers()),
								load.breakerOpened() ? "yes" : "no",
								(load.callsPerRequest() != null)
										? String.format(Locale.ROOT, ", %.3f calls per search", load.callsPerRequest())
										: "",
								load.cpu().benchmark() * 100, load.cpu().storefront() * 100, load.cpu().search() * 100,
								load.cpu().others() * 100);
						(scenario.viaProxy() ? storms : overloads).add(scenario.title(), load);
						if (scenario.users().findsCapacity()) {
							ramp.get(mode).add(load);
							capacity.put(mode, Capacity.best(ramp.get(mode), options.users()));
						}
					}
				}
				if (!scenario.users().findsCapacity()) {
					TimelineChart.draw(scenario.title() + ", " + users + " users", runs,
							out.resolve("timeline-" + scenario.id() + ".png"));
				}
			}
		}
		if (!overloads.rows().isEmpty()) {
			OverloadChart.draw(overloads.rows(), capacity, out.resolve("overload.png"));
		}
		String report = MarkdownReport.render(machine.after(Machine.load()), options.name(), titles, results,
				MarkdownReport.loads("Overload: a healthy search, more and more users", overloads.titles(),
						overloads.rows(), capacity, true)
						+ MarkdownReport.loads("Retry storm: a share of search calls fail transiently", storms.titles(),
								storms.rows(), capacity, false)
						+ MarkdownReport.views(views) + notes(options, seconds(began)));
		write(out.resolve("results.md"), report);
		print("Done in %d s: %s and its charts", seconds(began), out.resolve("results.md"));
	}

	/** The rows of one load table, each with its scenario's title. */
	private record Loads(List<String> titles, List<LoadResult> rows) {

		Loads() {
			this(new ArrayList<>(), new ArrayList<>());
		}

		void add(String title, LoadResult row) {
			this.titles.add(title);
			this.rows.add(row);
		}

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
						end of its fault, which lasts until it is healthy again (warmed up: it answers its own reads before \
						it says it is ready). Search flapping toggles an exceptions \
						assault (every call HTTP 500) every %d s, twice, because restarting a JVM takes longer than 10 s \
						here. Search hangs by a latency assault of %d s per call. In the isolation scenario %d more users \
						search at the same time, each pausing %d-%d ms before every request; its fault lasts %d s, twice the \
						patience, and the load after it up to %d s, until a naive storefront's hung calls have ended; only \
						the home page users are in the row, and its "fault end to live" is the searching users'. Breakers are polled on \
						/api/resilience every 250 ms; busy threads are `tomcat_threads_busy_threads` from \
						/actuator/prometheus every 500 ms (a poll with no answer within 1 s is counted as unanswered: the \
						storefront could not even answer its own metrics).

						Overload: users search with no think time, %d s at each step of the capacity ramp (4, 8 and 16 \
						users; a storefront's capacity is its step with the most live answers per second, and the \
						guarded storefront's best step sets the users of the overloads for both), then %d s each at 5x \
						and 25x those users on a healthy search. Live goodput: 2xx answers whose search section came \
						live, per second. CPU shares are of all that the machine's %d cores could do during the run: the \
						benchmark's JVM (the load generator and the flaky proxy), the storefront under load, \
						search-service, and the rest (the run's other JVMs and any other process on the machine). Retry \
						storm: one more storefront per mode calls search through a proxy in the benchmark's JVM that \
						answers 503 without Retry-After to the share of calls shown, drawn by a seeded generator, and \
						forwards the rest, for %d s; calls per search are the requests that reached the proxy divided by \
						the searches the users completed.

						Product pages: each answer shows a product (search) and its related items (recommendations, \
						read from its memory) and records a view in the background. A run counts its users' views in \
						recommendations-service's PostgreSQL (`GET /api/users/{userId}/views`, whose `total` counts \
						them all) before and after, and waits up to 60 s after the load for the storefront to deliver \
						what it keeps for redelivery; a view is lost if the database never gains it, counted twice if \
						it gains more than the storefront answered pages. The database is stopped with a fast \
						shutdown, as an operator would, and started again. "Views recorded" and "views not recorded" \
						ran on two more guarded storefronts, started, warmed up and loaded alike but for \
						`storefront.recommendations.views.enabled`, each loaded on product pages for %d s just \
						before its %d s, one right after the other; the second pair's users pause 20-40 ms before each page, \
						the third pair's 100-200 ms, so the last pages are measured with CPU to spare; last, both twins \
						at once, %d users each pausing 100-200 ms, measured in the same %d s. Whole run: %d s.
						""",
				options.users(), options.patience().toSeconds(), options.patience().toSeconds(),
				options.before().toSeconds(), options.fault().toSeconds(), options.after().toSeconds(),
				options.healthy().toSeconds(), options.flap().toSeconds(), options.hang().toSeconds(),
				options.sideUsers(), options.sideThink().toMillis(), options.sideThink().multipliedBy(2).toMillis(),
				options.patience().multipliedBy(2).toSeconds(),
				options.hang().minus(options.patience().multipliedBy(2)).plus(options.patience()).toSeconds(),
				options.healthy().toSeconds(), options.steady().toSeconds(), Runtime.getRuntime().availableProcessors(),
				options.steady().toSeconds(), options.warmup().dividedBy(2).toSeconds(), options.steady().toSeconds(),
				options.users(), options.steady().toSeconds(), seconds);
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
