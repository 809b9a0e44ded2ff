package io.designforfailure.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import io.designforfailure.benchmark.launch.Lab;
import io.designforfailure.benchmark.launch.Pinning;
import io.designforfailure.benchmark.report.Aggregation;
import io.designforfailure.benchmark.report.Capacity;
import io.designforfailure.benchmark.report.LoadResult;
import io.designforfailure.benchmark.report.Machine;
import io.designforfailure.benchmark.report.RepeatabilityReport;
import io.designforfailure.benchmark.scenario.Scenario;
import io.designforfailure.benchmark.scenario.ScenarioRunner;
import io.designforfailure.benchmark.scenario.Scenarios;

/**
 * The overload scenario run again and again, each time from a fresh start of every
 * service (a new database, new JVMs), on the guarded storefront alone: the capacity ramp
 * and the overload at {@value #MULTIPLE}x its users, with search pinned to a core of its
 * own and then with every process on every core; every run reported, and how many met
 * each target ({@code ./demo bench --repeat=N}).
 */
final class Repeatability {

	/** The overload the targets are set for. */
	static final int MULTIPLE = 25;

	private Repeatability() {
	}

	static void run(Options options, int runs, Path out) {
		long began = System.nanoTime();
		Machine machine = Machine.now(Machine.load());
		Pinning pinning = Pinning.ofThisMachine();
		print("Repeatability, %s mode: the overload %d times from a fresh start, guarded only; load average %s",
				options.name(), runs, machine.loadBefore());
		print("Pinned runs: %s", pinning.describe());
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		List<RepeatabilityReport.Row> rows = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			try (Lab lab = Lab.start(options.root(), options.root().resolve("benchmark/target/bench"),
					EnumSet.of(Mode.GUARDED), EnumSet.noneOf(Lab.Extra.class))) {
				print("[%4d s] run %d of %d: services up", Benchmark.seconds(began), run, runs);
				ScenarioRunner runner = new ScenarioRunner(lab, http, options.patience(), null, pinning);
				runner.warmUp(options.users(), options.warmup());
				ScenarioRunner.Phases phases = new ScenarioRunner.Phases(options.healthy(), options.before(),
						options.fault(), options.after(), options.flap(), options.steady());
				for (boolean pinned : List.of(true, false)) {
					rows.add(placement(runner, options, phases, run, pinned));
				}
				pinning.release(lab);
			}
		}
		String notes = String.format(Locale.ROOT,
				"How it was measured: each run starts PostgreSQL, search-service, recommendations-service and the guarded"
						+ " storefront afresh, warms the storefront up for %d s, then, with search pinned and again with"
						+ " every process on every core: the capacity ramp (4, 8 and 16 users searching with no think time,"
						+ " %d s each; capacity is the step with the most live answers per second) and %d s at %dx the"
						+ " capacity users. \"search breaker opened\" is whether the 250 ms poll of /api/resilience saw it"
						+ " open in any of those runs. `./demo bench --repeat=%d%s`; whole run: %d s.%n",
				options.warmup().dividedBy(2).toSeconds(), options.healthy().toSeconds(), options.steady().toSeconds(),
				MULTIPLE, runs, options.name().equals("full") ? " --full" : "", Benchmark.seconds(began));
		Benchmark.write(out.resolve("repeatability.md"),
				RepeatabilityReport.render(machine.after(Machine.load()), pinning.describe(), MULTIPLE, rows, notes));
		print("Done in %d s: %s", Benchmark.seconds(began), out.resolve("repeatability.md"));
	}

	private static RepeatabilityReport.Row placement(ScenarioRunner runner, Options options,
			ScenarioRunner.Phases phases, int run, boolean pinned) {
		List<LoadResult> ramp = new ArrayList<>();
		Capacity capacity = Capacity.assumed(options.users());
		LoadResult overload = null;
		boolean opened = false;
		for (Scenario scenario : Scenarios.overloads(pinned)) {
			boolean measured = scenario.users().findsCapacity()
					|| (!scenario.users().openLoop() && scenario.users().timesCapacity() == MULTIPLE);
			if (!measured) {
				continue;
			}
			runner.settle(scenario, Mode.GUARDED);
			int users = scenario.users().resolve(options.users(), capacity.users());
			LoadResult load = Aggregation.load(runner.run(scenario, Mode.GUARDED, users, 0,
					new ScenarioRunner.SideLoad(0, Duration.ZERO), phases));
			opened |= load.breakerOpened();
			if (scenario.users().findsCapacity()) {
				ramp.add(load);
				capacity = Capacity.best(ramp, options.users());
			}
			else {
				overload = load;
			}
		}
		RepeatabilityReport.Row row = new RepeatabilityReport.Row(run, pinned, capacity, overload, opened);
		print("        run %d, %s: capacity %d users, %.0f live/s; %dx: %.0f live/s (%.1f %%), p99 %.0f ms, breaker %s",
				run, pinned ? "search pinned" : "cores shared", capacity.users(), capacity.liveGoodput(), MULTIPLE,
				overload.liveGoodput(), capacity.share(overload.liveGoodput()) * 100, overload.p99(),
				opened ? "OPENED" : "never opened");
		return row;
	}

	private static void print(String format, Object... values) {
		System.out.println(String.format(Locale.ROOT, format, values));
	}

}
