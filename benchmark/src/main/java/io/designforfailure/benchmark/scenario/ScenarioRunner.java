package io.designforfailure.benchmark.scenario;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.fault.Fault;
import io.designforfailure.benchmark.launch.Lab;
import io.designforfailure.benchmark.launch.Pause;
import io.designforfailure.benchmark.launch.Pinning;
import io.designforfailure.benchmark.load.ClosedLoop;
import io.designforfailure.benchmark.load.OpenLoop;
import io.designforfailure.benchmark.load.Outcome;
import io.designforfailure.benchmark.load.Sample;
import io.designforfailure.benchmark.observe.BreakerRecorder;
import io.designforfailure.benchmark.observe.CpuMeter;
import io.designforfailure.benchmark.observe.CpuShares;
import io.designforfailure.benchmark.observe.OverloadSignals;
import io.designforfailure.benchmark.observe.StorefrontWatch;
import io.designforfailure.benchmark.observe.ViewAudit;
import io.designforfailure.benchmark.report.RunData;
import io.designforfailure.benchmark.report.Window;
import io.designforfailure.launcher.ServiceProcess;

/** Runs one scenario against one storefront: load on, fault on and off, load off. */
public final class ScenarioRunner {

	/**
	 * How long a storefront may take to settle between runs: a naive one holds hung calls
	 * until the hang ends, a guarded one keeps its breaker open for 10 s, and the peer
	 * profiles theirs for Resilience4j's default of 60 s.
	 */
	private static final Duration SETTLE_LIMIT = Duration.ofSeconds(75);

	/**
	 * The most requests an open loop lets wait at once: a thousand shoppers, far beyond
	 * what a storefront answering within its 1 s budget keeps waiting at the rates run.
	 */
	private static final int MAX_OUTSTANDING = 1_000;

	/**
	 * A restarted dependency adds its startup to the fault; this bounds the whole run.
	 */
	private static final Duration RUN_SLACK = Duration.ofSeconds(150);

	/** How long the load goes on once the users who met the fault are answered live. */
	private static final Duration SHOW_RECOVERY = Duration.ofSeconds(1);

	private final Lab lab;

	private final HttpClient http;

	private final Duration patience;

	private final Path breakerRecords;

	private final Pinning pinning;

	/**
	 * @param lab the running system
	 * @param http the client every virtual user shares
	 * @param patience how long a user waits for an answer
	 * @param breakerRecords where a {@link BreakerRecorder} writes each run's record, or
	 * null to record nothing
	 * @param pinning how the pinned scenarios give search a core of its own
	 */
	public ScenarioRunner(Lab lab, HttpClient http, Duration patience, Path breakerRecords, Pinning pinning) {
		this.lab = lab;
		this.http = http;
		this.patience = patience;
		this.breakerRecords = breakerRecords;
		this.pinning = pinning;
	}

	/**
	 * Load that nothing is measured from, so the JIT has compiled the hot paths: half the
	 * time on the naive storefront first, which warms the dependencies without a timeout
	 * to trip on their cold first answers, then half on each other one, so each
	 * storefront gets the same time with the CPUs to itself; the same again for the flaky
	 * storefronts, if the lab has them, through a proxy that fails nothing yet.
	 */
	public void warmUp(int users, Duration duration) {
		Duration half = duration.dividedBy(2);
		List<Mode> modes = this.lab.modes()
			.stream()
			.sorted(Comparator.comparing((Mode mode) -> mode != Mode.NAIVE).thenComparing(Mode::ordinal))
			.toList();
		List<ServiceProcess> storefronts = new ArrayList<>(modes.stream().map(this.lab::storefront).toList());
		if (this.lab.flaky()) {
			storefronts.addAll(modes.stream().map(this.lab::flakyStorefront).toList());
			this.lab.proxy().failing(0);
		}
		if (this.lab.twins()) {
			storefronts.addAll(List.of(this.lab.twin(true), this.lab.twin(false)));
		}
		if (this.lab.tracingTwins()) {
			storefronts.addAll(List.of(this.lab.tracingTwin(true), this.lab.tracingTwin(false)));
		}
		for (ServiceProcess storefront : storefronts) {
			ClosedLoop load = new ClosedLoop(this.http, this.patience);
			load.start(users, Endpoint.EVERY_PAGE.on(storefront), System.nanoTime(), half);
			Pause.of(half);
			load.stop();
		}
	}

	/**
	 * Unmeasured load on the scenario's own pages just before a twin is measured, so each
	 * twin comes to its run alike: the same warm-up at the start, nothing since, then
	 * this.
	 */
	public void warmUpTwin(Scenario scenario, int users, Duration duration) {
		List<ClosedLoop> loads = new ArrayList<>();
		for (ServiceProcess twin : twins(scenario)) {
			ClosedLoop load = new ClosedLoop(this.http, this.patience, scenario.think());
			load.start(users, scenario.endpoint().on(twin), System.nanoTime(), duration);
			loads.add(load);
		}
		Pause.of(duration);
		loads.forEach(ClosedLoop::stop);
	}

	/**
	 * Waits until the storefront about to be loaded has no request in flight, every
	 * breaker of it closed and nothing held back by its throttle, so one run does not
	 * start inside the aftermath of the previous one. The other storefront may still hold
	 * calls a hang left behind: they wait on a socket, costing neither CPU nor anything
	 * the measured storefront uses. A half-open breaker closes only after trial calls, so
	 * each round sends one home page and one search.
	 * @return how long it waited
	 */
	public Duration settle(Scenario scenario, Mode mode) {
		Duration settled = settle(scenario, storefront(scenario, mode));
		return scenario.onBothTwins() ? settled.plus(settle(scenario, beside(scenario))) : settled;
	}

	private Duration settle(Scenario scenario, ServiceProcess storefront) {
		if (scenario.viaProxy()) {
			// Trial calls through a proxy still failing would keep a breaker from
			// closing.
			this.lab.proxy().failing(0);
		}
		long start = System.nanoTime();
		long deadline = start + SETTLE_LIMIT.toNanos();
		while (System.nanoTime() < deadline && !settled(storefront)) {
			poke(storefront);
			Pause.of(Duration.ofMillis(250));
		}
		if (!settled(storefront)) {
			System.out.printf("        not settled after %d s: %s has %s busy threads, guards at rest: %s%n",
					SETTLE_LIMIT.toSeconds(), storefront.name(),
					StorefrontWatch.busyThreads(storefront).map(String::valueOf).orElse("unknown"),
					StorefrontWatch.guardsAtRest(storefront));
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * @param scenario what happens
	 * @param mode which storefront
	 * @param users the measured users of a closed loop
	 * @param arrivalsPerSecond the rate of an open loop, or 0 for a closed one
	 * @param side the searching users, when the scenario has them
	 * @param phases how long each phase lasts
	 */
	public RunData run(Scenario scenario, Mode mode, int users, double arrivalsPerSecond, SideLoad side,
			Phases phases) {
		ServiceProcess storefront = storefront(scenario, mode);
		if (scenario.pinned()) {
			this.pinning.pin(this.lab);
		}
		else {
			this.pinning.release(this.lab);
		}
		if (scenario.viaProxy()) {
			this.lab.proxy().failing(0);
		}
		long origin = System.nanoTime();
		StorefrontWatch watch = new StorefrontWatch(storefront, origin);
		ClosedLoop load = new ClosedLoop(this.http, this.patience, scenario.think());
		OpenLoop arrivals = scenario.users().openLoop()
				? new OpenLoop(this.http, this.patience, arrivalsPerSecond, MAX_OUTSTANDING) : null;
		ClosedLoop beside = new ClosedLoop(this.http, this.patience,
				scenario.onBothTwins() ? scenario.think() : side.think());
		Duration limit = phases.planned(scenario).plus(RUN_SLACK);
		List<Window> windows = new ArrayList<>();
		ViewAudit audit = scenario.recordsViews()
				? ViewAudit.begin(this.http, this.lab.recommendations(), storefront, userIds(users)) : null;
		CpuMeter cpu = CpuMeter.start(storefront, this.lab.search());
		OverloadSignals signalsBefore = OverloadSignals.now(this.lab.recommendations(), storefront);
		BreakerRecorder recorder = (this.breakerRecords != null && scenario.dependency() != null)
				? new BreakerRecorder(storefront, dependency(scenario.dependency()), scenario.dependency(), origin)
				: null;
		if (recorder != null) {
			recorder.start();
		}
		watch.start();
		if (arrivals != null) {
			arrivals.start(scenario.endpoint().on(storefront), origin, limit);
		}
		else {
			load.start(users, scenario.endpoint().on(storefront), origin, limit);
		}
		if (scenario.sideSearch()) {
			beside.start(side.users(), Endpoint.SEARCH.on(storefront), origin, limit);
		}
		if (scenario.onBothTwins()) {
			beside.start(users, scenario.endpoint().on(beside(scenario)), origin, limit);
		}
		List<Sample> samples;
		List<Sample> sideSamples;
		long duration;
		CpuShares shares;
		Long calls = null;
		ViewAudit.Views views = null;
		try {
			if (scenario.viaProxy()) {
				calls = storm(scenario, phases, origin, windows, load);
			}
			else if (scenario.fault() == null) {
				Pause.of(phases.planned(scenario));
			}
			else {
				inject(scenario, phases, origin, windows, scenario.sideSearch() ? beside : load);
			}
		}
		finally {
			duration = sinceMillis(origin);
			samples = (arrivals != null) ? arrivals.stop() : load.stop();
			sideSamples = beside.stop();
			shares = cpu.stop();
			watch.stop();
			if (recorder != null) {
				System.out.println("        "
						+ recorder.stop(this.breakerRecords.resolve(scenario.id() + "-" + mode.label() + ".csv"))
							.describe());
			}
			if (scenario.viaProxy()) {
				this.lab.proxy().failing(0);
			}
		}
		OverloadSignals signals = OverloadSignals.now(this.lab.recommendations(), storefront).since(signalsBefore);
		if (!signals.equals(new OverloadSignals(0, 0, 0, 0))) {
			System.out.printf(
					"        overload signals: recommendations shed %d reads and %d writes; the storefront met %d"
							+ " shed answers from it and held back %d calls itself%n",
					signals.shedReads(), signals.shedWrites(), signals.shedAnswers(), signals.throttledCalls());
		}
		if (audit != null) {
			long answered = answered(samples) + (scenario.besideRecordsViews() ? answered(sideSamples) : 0);
			long faultEnd = windows.isEmpty() ? duration : windows.get(windows.size() - 1).endMillis();
			views = audit.finish(answered, watch.peakPendingViews(), origin, faultEnd);
		}
		return new RunData(scenario.id(), mode, scenario.dependency(), duration, samples, sideSamples,
				List.copyOf(windows), watch.transitions(), watch.threads(),
				new RunData.Load(users, arrivalsPerSecond, calls, shares, views));
	}

	private static long answered(List<Sample> samples) {
		return samples.stream().filter((sample) -> sample.outcome() != Outcome.FAILED).count();
	}

	private ServiceProcess storefront(Scenario scenario, Mode mode) {
		if (scenario.onTracingTwins()) {
			return this.lab.tracingTwin(true);
		}
		if (scenario.onTwin()) {
			return this.lab.twin(scenario.twin() != Scenario.Twin.NOT_RECORDING);
		}
		return scenario.viaProxy() ? this.lab.flakyStorefront(mode) : this.lab.storefront(mode);
	}

	private ServiceProcess dependency(String name) {
		return name.equals("search") ? this.lab.search() : this.lab.recommendations();
	}

	private List<ServiceProcess> twins(Scenario scenario) {
		return scenario.onBothTwins() ? List.of(storefront(scenario, Mode.GUARDED), beside(scenario))
				: List.of(storefront(scenario, Mode.GUARDED));
	}

	/**
	 * The twin loaded and measured beside the scenario's: not recording views, or not
	 * tracing.
	 */
	private ServiceProcess beside(Scenario scenario) {
		return scenario.onTracingTwins() ? this.lab.tracingTwin(false) : this.lab.twin(false);
	}

	private static List<String> userIds(int users) {
		return IntStream.range(0, users).mapToObj(Endpoint::userId).toList();
	}

	private void inject(Scenario scenario, Phases phases, long origin, List<Window> windows, ClosedLoop faulted) {
		Fault fault = scenario.fault().in(this.lab);
		int count = scenario.windows();
		Pause.of(phases.before());
		Duration on = (count > 1) ? phases.flap() : phases.fault(scenario);
		for (int window = 0; window < count; window++) {
			if (window > 0) {
				Pause.of(phases.flap());
			}
			long start = sinceMillis(origin);
			fault.begin();
			try {
				Pause.of(on);
			}
			finally {
				fault.end();
			}
			windows.add(new Window(start, sinceMillis(origin)));
		}
		awaitRecovery(faulted, windows.get(windows.size() - 1).endMillis(), phases.after(scenario));
	}

	/**
	 * A retry storm: healthy search for the time before a fault, then the share of
	 * failures for the steady time, as a dependency that starts failing while users
	 * search, then healthy again until the users are answered live.
	 * @return the calls the proxy received during the storm
	 */
	private long storm(Scenario scenario, Phases phases, long origin, List<Window> windows, ClosedLoop load) {
		Pause.of(phases.before());
		this.lab.proxy().reset();
		this.lab.proxy().failing(scenario.failing());
		long start = sinceMillis(origin);
		try {
			Pause.of(phases.steady());
		}
		finally {
			this.lab.proxy().failing(0);
		}
		long calls = this.lab.proxy().counts().received();
		windows.add(new Window(start, sinceMillis(origin)));
		awaitRecovery(load, windows.get(0).endMillis(), phases.after());
		return calls;
	}

	/**
	 * The load after the fault lasts until the users who met it get a live answer again,
	 * plus a moment to show it, or until the limit: recovery is measured either way, and
	 * a storefront that recovers in 2 s is not loaded for 11.
	 */
	private static void awaitRecovery(ClosedLoop faulted, long endMillis, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline && !faulted.liveSince(endMillis)) {
			Pause.of(Duration.ofMillis(100));
		}
		long rest = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		Pause.of(Duration.ofMillis(Math.min(rest, SHOW_RECOVERY.toMillis())));
	}

	private static boolean settled(ServiceProcess storefront) {
		// The poll that asks is itself one busy thread.
		return StorefrontWatch.busyThreads(storefront).orElse(Integer.MAX_VALUE) <= 1
				&& StorefrontWatch.guardsAtRest(storefront);
	}

	private void poke(ServiceProcess storefront) {
		for (Endpoint endpoint : List.of(Endpoint.HOME, Endpoint.SEARCH)) {
			HttpRequest request = HttpRequest.newBuilder(endpoint.on(storefront).apply(0, 0))
				.timeout(Duration.ofSeconds(1))
				.build();
			try {
				this.http.send(request, HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException ex) {
				// A storefront still busy with the last run: the next round asks again.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static long sinceMillis(long origin) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - origin);
	}

	/**
	 * The users who search beside the measured load in the isolation scenario.
	 *
	 * @param users how many
	 * @param think each pauses between this and twice this after every answer
	 */
	public record SideLoad(int users, Duration think) {
	}

	/**
	 * How long each phase of a run lasts.
	 *
	 * @param healthy the whole healthy scenario
	 * @param before healthy load before the fault
	 * @param fault the fault, once
	 * @param after the longest load after the fault, when its users do not recover sooner
	 * @param flap each down and each up period of a flapping dependency
	 * @param steady an overload by a multiple of capacity, and a retry storm: long enough
	 * that a breaker opened by it would be seen open and closing again
	 */
	public record Phases(Duration healthy, Duration before, Duration fault, Duration after, Duration flap,
			Duration steady) {

		Duration fault(Scenario scenario) {
			return (scenario.faultFor() != null) ? scenario.faultFor() : this.fault;
		}

		Duration after(Scenario scenario) {
			return (scenario.after() != null) ? scenario.after() : this.after;
		}

		Duration planned(Scenario scenario) {
			if (scenario.viaProxy()) {
				return this.before.plus(this.steady).plus(this.after);
			}
			if (scenario.windows() == 0) {
				return scenario.steady() ? this.steady : this.healthy;
			}
			int windows = scenario.windows();
			Duration faults = (windows > 1) ? this.flap.multipliedBy(2L * windows - 1) : fault(scenario);
			return this.before.plus(faults).plus(after(scenario));
		}

	}

}
