package io.designforfailure.benchmark.scenario;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.fault.Fault;
import io.designforfailure.benchmark.launch.Lab;
import io.designforfailure.benchmark.launch.Pause;
import io.designforfailure.benchmark.launch.ServiceProcess;
import io.designforfailure.benchmark.load.ClosedLoop;
import io.designforfailure.benchmark.load.Sample;
import io.designforfailure.benchmark.observe.StorefrontWatch;
import io.designforfailure.benchmark.report.RunData;
import io.designforfailure.benchmark.report.Window;

/** Runs one scenario against one storefront: load on, fault on and off, load off. */
public final class ScenarioRunner {

	/**
	 * How long a storefront may take to settle between runs: a naive one holds hung calls
	 * until the hang ends, a guarded one keeps its breaker open for 10 s.
	 */
	private static final Duration SETTLE_LIMIT = Duration.ofSeconds(45);

	/**
	 * A restarted dependency adds its startup to the fault; this bounds the whole run.
	 */
	private static final Duration RUN_SLACK = Duration.ofSeconds(150);

	private final Lab lab;

	private final HttpClient http;

	private final Duration patience;

	/**
	 * @param lab the running system
	 * @param http the client every virtual user shares
	 * @param patience how long a user waits for an answer
	 */
	public ScenarioRunner(Lab lab, HttpClient http, Duration patience) {
		this.lab = lab;
		this.http = http;
		this.patience = patience;
	}

	/**
	 * Load on a storefront that nothing is measured from, so the JIT has compiled the hot
	 * paths.
	 */
	public void warmUp(Mode mode, int users, Duration duration) {
		ClosedLoop load = new ClosedLoop(this.http, this.patience);
		load.start(users, Endpoint.MIXED.on(this.lab.storefront(mode)), System.nanoTime(), duration);
		Pause.of(duration);
		load.stop();
	}

	/**
	 * Waits until both storefronts have no request in flight and every breaker is closed,
	 * so one run does not start inside the aftermath of the previous one. A half-open
	 * breaker closes only after trial calls, so each round sends one home page and one
	 * search.
	 * @return how long it waited
	 */
	public Duration settle() {
		long start = System.nanoTime();
		long deadline = start + SETTLE_LIMIT.toNanos();
		while (System.nanoTime() < deadline && !settled()) {
			for (Mode mode : Mode.values()) {
				poke(this.lab.storefront(mode));
			}
			Pause.of(Duration.ofMillis(500));
		}
		if (!settled()) {
			for (Mode mode : Mode.values()) {
				ServiceProcess storefront = this.lab.storefront(mode);
				System.out.printf("        not settled after %d s: %s has %s busy threads, breakers closed: %s%n",
						SETTLE_LIMIT.toSeconds(), storefront.name(),
						StorefrontWatch.busyThreads(storefront).map(String::valueOf).orElse("unknown"),
						StorefrontWatch.breakersClosed(storefront));
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * @param scenario what happens
	 * @param mode which storefront
	 * @param users the measured users
	 * @param sideUsers the searching users, when the scenario has them
	 * @param phases how long each phase lasts
	 */
	public RunData run(Scenario scenario, Mode mode, int users, int sideUsers, Phases phases) {
		ServiceProcess storefront = this.lab.storefront(mode);
		long origin = System.nanoTime();
		StorefrontWatch watch = new StorefrontWatch(storefront, origin);
		ClosedLoop load = new ClosedLoop(this.http, this.patience);
		ClosedLoop side = new ClosedLoop(this.http, this.patience);
		Duration limit = phases.planned(scenario.windows()).plus(RUN_SLACK);
		List<Window> windows = new ArrayList<>();
		watch.start();
		load.start(users, scenario.endpoint().on(storefront), origin, limit);
		if (scenario.sideSearch()) {
			side.start(sideUsers, Endpoint.SEARCH.on(storefront), origin, limit);
		}
		List<Sample> samples;
		List<Sample> sideSamples;
		long duration;
		try {
			if (scenario.fault() == null) {
				Pause.of(phases.healthy());
			}
			else {
				inject(scenario.fault().in(this.lab), scenario.windows(), phases, origin, windows);
			}
		}
		finally {
			duration = sinceMillis(origin);
			samples = load.stop();
			sideSamples = side.stop();
			watch.stop();
		}
		return new RunData(scenario.id(), mode, scenario.dependency(), duration, samples, sideSamples,
				List.copyOf(windows), watch.transitions(), watch.threads());
	}

	private void inject(Fault fault, int count, Phases phases, long origin, List<Window> windows) {
		Pause.of(phases.before());
		Duration on = (count > 1) ? phases.flap() : phases.fault();
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
		Pause.of(phases.after());
	}

	private boolean settled() {
		for (Mode mode : Mode.values()) {
			ServiceProcess storefront = this.lab.storefront(mode);
			// The poll that asks is itself one busy thread.
			if (StorefrontWatch.busyThreads(storefront).orElse(Integer.MAX_VALUE) > 1
					|| !StorefrontWatch.breakersClosed(storefront)) {
				return false;
			}
		}
		return true;
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
	 * How long each phase of a run lasts.
	 *
	 * @param healthy the whole healthy scenario
	 * @param before healthy load before the fault
	 * @param fault the fault, once
	 * @param after load after the fault
	 * @param flap each down and each up period of a flapping dependency
	 */
	public record Phases(Duration healthy, Duration before, Duration fault, Duration after, Duration flap) {

		Duration planned(int windows) {
			if (windows == 0) {
				return this.healthy;
			}
			Duration faults = (windows > 1) ? this.flap.multipliedBy(2L * windows - 1) : this.fault;
			return this.before.plus(faults).plus(this.after);
		}

	}

}
