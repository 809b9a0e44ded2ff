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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.designforfailure.benchmark.launch.Lab;
import io.designforfailure.benchmark.launch.Pinning;
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
 * storefront, the naive one and the two configurations people copy (Resilience4j's
 * defaults, spring-petclinic-microservices' settings), and writes a results table and a
 * timeline chart per scenario; or, with {@code --repeat=N}, runs the overload N times
 * from a fresh start.
 * <p>
 * Usage, from the repository root after {@code ./mvnw -q -B -DskipTests package}:
 * {@code java -jar benchmark/target/benchmark-VERSION.jar [--quick|--full] [--only=ID,...] [--repeat=N] [--record=breaker] [--root=DIR] [--out=DIR]};
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
		Path out = root.resolve(argument(args, "--out=", results));
		String repeat = argument(args, "--repeat=", "");
		if (!repeat.isEmpty()) {
			Repeatability.run(options, Integer.parseInt(repeat), out);
			return;
		}
		boolean recordBreaker = argument(args, "--record=", "").equals("breaker");
		run(options, scenarios, out, recordBreaker);
	}

	private static void run(Options options, List<Scenario> scenarios, Path out, boolean recordBreaker) {
		long began = System.nanoTime();
		Machine machine = Machine.now(Machine.load());
		Pinning pinning = Pinning.ofThisMachine();
		print("Benchmark, %s mode: %d scenarios x %s, %d users, %s patience; load average %s", options.name(),
				scenarios.size(), Stream.of(Mode.values()).map(Mode::label).collect(Collectors.joining("/")),
				options.users(), options.patience(), machine.loadBefore());
		if (scenarios.stream().anyMatch(Scenario::pinned)) {
			print("Pinned runs: %s", pinning.describe());
		}
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
		if (recordBreaker) {
			extras.add(Lab.Extra.BREAKER_EVENTS);
		}
		int modes = Mode.values().length;
		print("Starting PostgreSQL, search, recommendations and %d storefronts on 127.0.0.1%s%s%s (logs in benchmark/target/bench/logs)",
				modes * (extras.contains(Lab.Extra.FLAKY_SEARCH) ? 2 : 1) + (extras.contains(Lab.Extra.TWINS) ? 2 : 0)
						+ (extras.contains(Lab.Extra.TRACING_TWINS) ? 2 : 0),
				extras.contains(Lab.Extra.FLAKY_SEARCH) ? ", half of them through the flaky proxy" : "",
				extras.contains(Lab.Extra.TWINS) ? ", two twins but for recording views" : "",
				extras.contains(Lab.Extra.TRACING_TWINS) ? ", two twins but for tracing, and Zipkin" : "");
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		List<String> titles = new ArrayList<>();
		List<RunResult> results = new ArrayList<>();
		Map<Boolean, Overloads> overloads = Map.of(false, new Overloads(options.users()), true,
				new Overloads(options.users()));
		Loads storms = new Loads();
		List<MarkdownReport.ViewRow> views = new ArrayList<>();
		try (Lab lab = Lab.start(options.root(), options.root().resolve("benchmark/target/bench"),
				EnumSet.allOf(Mode.class), extras)) {
			Runtime.getRuntime().addShutdownHook(new Thread(lab::close));
			print("Up after %d s", seconds(began));
			ScenarioRunner runner = new ScenarioRunner(lab, http, options.patience(),
					recordBreaker ? out.resolve("breaker") : null, pinning);
			print("Warming up the storefronts for %d s", options.warmup().toSeconds() * lab.storefronts().size() / 2);
			runner.warmUp(options.users(), options.warmup());
			ScenarioRunner.Phases phases = new ScenarioRunner.Phases(options.healthy(), options.before(),
					options.fault(), options.after(), options.flap(), options.steady());
			createDirectories(out);
			for (Scenario scenario : scenarios) {
				Overloads family = overloads.get(scenario.pinned());
				Capacity capacity = family.capacity(Mode.GUARDED);
				if (scenario.users().overloads() && !capacity.measured()) {
					print("        capacity not measured in this run (add --only=%s): %d users, %.0f live answers/s stand in",
							scenario.pinned() ? "overload-pinned" : "overload", options.users(),
							Overloads.ASSUMED_RATE);
				}
				int users = scenario.users().resolve(options.users(), capacity.users());
				double arrivals = scenario.users()
					.arrivalsPerSecond(capacity.measured() ? capacity.liveGoodput() : Overloads.ASSUMED_RATE);
				List<RunData> runs = new ArrayList<>();
				for (Mode mode : scenario.modes()) {
					if (scenario.onTwin()) {
						runner.warmUpTwin(scenario, users, options.warmup().dividedBy(2));
					}
					Duration settled = runner.settle(scenario, mode);
					print("[%3d s] %s, %s, %s (settled in %.1f s)", seconds(began), scenario.title(), mode.label(),
							(arrivals > 0) ? String.format(Locale.ROOT, "%.0f arrivals/s", arrivals) : users + " users",
							settled.toMillis() / 1000.0);
					RunData run = runner.run(scenario, mode, users, arrivals,
							new ScenarioRunner.SideLoad(options.sideUsers(), options.sideThink()), phases);
					RunResult result = Aggregation.summarize(run);
					print("        %.0f req/s, p99 %.0f ms, max %.0f ms, 2xx %.1f %%, degraded %.1f %%, busy threads %d",
							result.throughput(), result.p99(), result.max(), result.ok() * 100, result.degraded() * 100,
							result.threads().peakBusy());
					runs.add(run);
					titles.add(scenario.title());
					results.add(result);
					if (scenario.onProductPages()) {
						views.addAll(viewRows(scenario, run, result));
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
						if (scenario.viaProxy()) {
							storms.add(scenario.title(), load);
						}
						else {
							family.add(scenario, load);
						}
					}
				}
				if (!scenario.users().findsCapacity()) {
					TimelineChart.draw(
							scenario.title() + ", " + (scenario.users().openLoop()
									? String.format(Locale.ROOT, "%.0f arrivals/s", arrivals) : users + " users"),
							runs, out.resolve("timeline-" + scenario.id() + ".png"));
				}
			}
			pinning.release(lab);
		}
		Overloads shared = overloads.get(false);
		Overloads pinned = overloads.get(true);
		if (!shared.rows().rows().isEmpty()) {
			OverloadChart.draw("Overload on a healthy search, every process on every core", shared.rows().rows(),
					shared.capacities(), out.resolve("overload.png"));
		}
		if (!pinned.rows().rows().isEmpty()) {
			OverloadChart.draw("Overload on a healthy search, search on a core of its own", pinned.rows().rows(),
					pinned.capacities(), out.resolve("overload-pinned.png"));
		}
		String report = MarkdownReport.render(machine.after(Machine.load()), options.name(), titles, results,
				MarkdownReport.loads(
						"Overload, search pinned to a core of its own: a healthy search, more and more users",
						pinned.rows().titles(), pinned.rows().rows(), pinned.capacities(), true)
						+ (pinned.rows().rows().isEmpty() ? "" : "Pinning: " + pinning.describe() + ".\n\n")
						+ MarkdownReport.loads(
								"Overload, every process on every core: a healthy search, more and more users",
								shared.rows().titles(), shared.rows().rows(), shared.capacities(), true)
						+ MarkdownReport.loads("Retry storm: a share of search calls fail transiently", storms.titles(),
								storms.rows(), shared.capacities(), false)
						+ MarkdownReport.views(views) + notes(options, seconds(began)));
		write(out.resolve("results.md"), report);
		print("Done in %d s: %s and its charts", seconds(began), out.resolve("results.md"));
	}

	/** The product page rows of one run: the twin beside it too, when both ran. */
	private static List<MarkdownReport.ViewRow> viewRows(Scenario scenario, RunData run, RunResult result) {
		List<MarkdownReport.ViewRow> rows = new ArrayList<>();
		ViewAudit.Views seen = run.load().views();
		if (seen != null) {
			print("        views: %d pages answered, %d in the database, %d redelivered, %d dropped, at most %d waiting, %s",
					seen.pages(), seen.inDatabase(), seen.redelivered(), seen.dropped(), seen.peakPending(),
					(seen.settledMillis() != null) ? String.format(Locale.ROOT,
							"all in the database %.1f s after the fault or load", seen.settledMillis() / 1000.0)
							: "not all in the database");
		}
		Map<String, Double> answers = Aggregation.answers(run);
		print("        answers %s", MarkdownReport.answers(answers));
		rows.add(new MarkdownReport.ViewRow(scenario.title(), result, answers, seen));
		if (scenario.onBothTwins()) {
			RunData beside = run.beside();
			RunResult twin = Aggregation.summarize(beside);
			String besideTwin = scenario.onTracingTwins() ? "the twin with tracing off"
					: "the twin not recording views";
			print("        beside it, %s: %.0f req/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms, 2xx %.1f %%", besideTwin,
					twin.throughput(), twin.p50(), twin.p99(), twin.max(), twin.ok() * 100);
			rows.add(new MarkdownReport.ViewRow(scenario.title() + ": " + besideTwin, twin, Aggregation.answers(beside),
					null));
		}
		return rows;
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

	/**
	 * The overloads of one placement (cores shared, or search pinned): their rows, and
	 * the capacity each storefront's ramp measured in it.
	 */
	private static final class Overloads {

		/**
		 * The live answers per second an open loop's rate is a multiple of, unmeasured.
		 */
		static final double ASSUMED_RATE = 1_000;

		private final int fallbackUsers;

		private final Loads rows = new Loads();

		private final Map<Mode, List<LoadResult>> ramp = new EnumMap<>(Mode.class);

		private final Map<Mode, Capacity> capacities = new EnumMap<>(Mode.class);

		Overloads(int fallbackUsers) {
			this.fallbackUsers = fallbackUsers;
			for (Mode mode : Mode.values()) {
				this.ramp.put(mode, new ArrayList<>());
				this.capacities.put(mode, Capacity.assumed(fallbackUsers));
			}
		}

		void add(Scenario scenario, LoadResult load) {
			this.rows.add(scenario.title(), load);
			if (scenario.users().findsCapacity()) {
				this.ramp.get(load.mode()).add(load);
				this.capacities.put(load.mode(), Capacity.best(this.ramp.get(load.mode()), this.fallbackUsers));
			}
		}

		Capacity capacity(Mode mode) {
			return this.capacities.get(mode);
		}

		Map<Mode, Capacity> capacities() {
			return this.capacities;
		}

		Loads rows() {
			return this.rows;
		}

	}

	private static String notes(Options options, long seconds) {
		return String.format(Locale.ROOT,
				"""
						How it was measured: %d virtual users in a closed loop (each sends its next request when the \
						previous one answered) against one storefront at a time; four storefronts (guarded, naive, \
						Resilience4j's defaults, petclinic's settings) run side by side against the same search-service and \
						recommendations-service, and are loaded in turn. \
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
						guarded storefront's best step sets the users of the overloads for all four), then %d s each at 5x \
						and 25x those users on a healthy search; first with every process on every core, then with search \
						on a core of its own (the pinning is above its table), where requests also arrive for as long at 2x \
						and 3x the guarded capacity's live rate (an open loop, latency counted from when each was due). \
						Each placement measures its own capacity. Live goodput: 2xx answers whose search section came \
						live, per second. CPU shares are of all that the machine's %d cores could do during the run: the \
						benchmark's JVM (the load generator and the flaky proxy), the storefront under load, \
						search-service, and the rest (the run's other JVMs and any other process on the machine). Retry \
						storm: one more storefront per mode calls search through a proxy in the benchmark's JVM that \
						answers 503 without Retry-After to the share of calls shown, drawn by a seeded generator, and \
						forwards the rest, for %d s after the healthy time before a fault, and fails nothing again until \
						the users are answered live; its row counts the storm alone: calls per search are the requests \
						that reached the proxy during it divided by the searches the users sent in it.

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

	static long seconds(long since) {
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

	static void write(Path file, String text) {
		createDirectories(file.getParent());
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
