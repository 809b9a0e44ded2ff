package io.designforfailure.benchmark.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.designforfailure.benchmark.fault.Fault;

/** The scenarios of a run, in the order they run. */
public final class Scenarios {

	/**
	 * Users with no think time around the 8-10 at which the issue measured the
	 * storefront's best live rate; the run takes the best of these as its capacity.
	 */
	private static final List<Integer> RAMP = List.of(4, 8, 16);

	/** The overloads, as multiples of the capacity users. */
	private static final List<Integer> OVERLOADS = List.of(5, 25);

	/**
	 * The open-loop overloads, as multiples of the capacity's live answers per second:
	 * twice and three times what the storefront can answer live, arriving whatever the
	 * answers do. Not more: the load generator sends them from the storefront's core, so
	 * beyond a few thousand a second the figure would be about the generator.
	 */
	private static final List<Integer> ARRIVALS = List.of(2, 3);

	/**
	 * A pause before each product page: 8 users then ask for about 200 pages a second,
	 * near what the twins answer as fast as they can (~180-330 pages a second on 2
	 * cores).
	 */
	private static final Duration PACE = Duration.ofMillis(20);

	/**
	 * A longer pause: 8 users then ask for about 50 pages a second, a fifth of what the
	 * twins can answer, so the machine has CPU to spare for the views.
	 */
	private static final Duration LIGHT_PACE = Duration.ofMillis(100);

	/** Transient failure shares of the retry storm. */
	private static final List<Double> STORMS = List.of(0.2, 0.4);

	private Scenarios() {
	}

	/**
	 * @param full whether every scenario runs, or only a quick look
	 * @param hang how long a hanging search holds each call
	 * @param patience how long a user waits for an answer
	 */
	public static List<Scenario> of(boolean full, Duration hang, Duration patience) {
		Scenario healthy = Scenario.healthy("healthy", "healthy (home + search)", Endpoint.MIXED);
		Scenario hanging = Scenario.faulted("search-hanging", "search hanging (" + hang.toSeconds() + " s), search",
				Endpoint.SEARCH, "search", (lab) -> Fault.latency(lab, "search", hang));
		if (!full) {
			return List.of(healthy, hanging);
		}
		// Long enough for the searches a naive storefront holds to fill its 200 threads:
		// a user abandons one after its patience and sends the next, which hangs too.
		Duration isolationFault = patience.multipliedBy(2);
		// The longest a naive storefront could wait for its threads: until the calls that
		// met the hang end, at most the hang's length after the fault began. Switching
		// the assault off lets them go at once, so the load stops well before this.
		Duration drained = hang.minus(isolationFault).plus(patience);
		List<Scenario> scenarios = new ArrayList<>(List.of(healthy,
				Scenario.faulted("recommendations-killed", "recommendations killed, home", Endpoint.HOME,
						"recommendations", (lab) -> Fault.killed(lab.recommendations())),
				Scenario.faulted("recommendations-failing", "recommendations 500 every 2nd call, home", Endpoint.HOME,
						"recommendations", (lab) -> Fault.failingEvery(lab, "recommendations", 2)),
				Scenario.faulted("database-stopped", "recommendations' database stopped, product page",
						Endpoint.PRODUCT, "recommendations", (lab) -> Fault.stopped(lab.database())),
				Scenario.faulted("search-slow", "search slow (2 s), search", Endpoint.SEARCH, "search",
						(lab) -> Fault.latency(lab, "search", Duration.ofSeconds(2))),
				Scenario
					.faulted("search-flapping", "search flapping (500s, 10 s on/off), search", Endpoint.SEARCH,
							"search", (lab) -> Fault.failingEvery(lab, "search", 1))
					.flapping(2),
				hanging,
				Scenario
					.faulted("isolation", "home while search hangs under load, home", Endpoint.HOME, "search",
							(lab) -> Fault.latency(lab, "search", hang))
					.withSideSearch(isolationFault, drained)));
		scenarios.addAll(overloads(false));
		for (double share : STORMS) {
			int percent = (int) Math.round(share * 100);
			scenarios.add(Scenario.retryStorm("retry-storm-" + percent,
					"retry storm, " + percent + " % of search calls fail (503), search", share));
		}
		scenarios.addAll(overloads(true));
		// Each pair one after the other, so the same moment of the run compares them: as
		// fast as the pages come, then at about half that pace, then at a fifth.
		scenarios.add(Scenario.onTwin("product-views", "product page, views recorded", Scenario.Twin.RECORDING,
				Duration.ZERO));
		scenarios.add(Scenario.onTwin("product-no-views", "product page, views not recorded",
				Scenario.Twin.NOT_RECORDING, Duration.ZERO));
		scenarios.add(Scenario.onTwin("product-views-paced", "product page, users pausing 20-40 ms, views recorded",
				Scenario.Twin.RECORDING, PACE));
		scenarios.add(Scenario.onTwin("product-no-views-paced",
				"product page, users pausing 20-40 ms, views not recorded", Scenario.Twin.NOT_RECORDING, PACE));
		scenarios.add(Scenario.onTwin("product-views-light", "product page, users pausing 100-200 ms, views recorded",
				Scenario.Twin.RECORDING, LIGHT_PACE));
		scenarios.add(Scenario.onTwin("product-no-views-light",
				"product page, users pausing 100-200 ms, views not recorded", Scenario.Twin.NOT_RECORDING, LIGHT_PACE));
		// The same two at the same time: run after run the pairs above disagree by more
		// than recording could cost, because each twin meets another moment of the
		// machine.
		scenarios.add(Scenario.onTwin("product-twins-light",
				"product pages of both twins at once, users pausing 100-200 ms, the twin recording views",
				Scenario.Twin.BOTH, LIGHT_PACE));
		// What tracing costs, the same way: both at once, at the light pace and then as
		// fast as the pages come, where the machine is saturated.
		scenarios.add(Scenario.onTwin("product-tracing-light",
				"product pages of both tracing twins at once, users pausing 100-200 ms, the twin tracing every request",
				Scenario.Twin.TRACING_BOTH, LIGHT_PACE));
		scenarios.add(Scenario.onTwin("product-tracing",
				"product pages of both tracing twins at once, no pause, the twin tracing every request",
				Scenario.Twin.TRACING_BOTH, Duration.ZERO));
		return List.copyOf(scenarios);
	}

	/**
	 * The capacity ramp, then the overloads by multiples of its users, in one placement:
	 * search sharing every core with the storefront and the load generator, or on a core
	 * of its own; pinned, also arrivals at multiples of the capacity's rate (an open
	 * loop). Each placement measures its own capacity.
	 */
	public static List<Scenario> overloads(boolean pinned) {
		String prefix = pinned ? "overload-pinned-" : "overload-";
		String placement = pinned ? ", search pinned" : ", cores shared";
		List<Scenario> scenarios = new ArrayList<>();
		for (int users : RAMP) {
			scenarios.add(Scenario.overload(prefix + "capacity-" + users,
					"capacity ramp, " + users + " users" + placement, Users.exactly(users), pinned));
		}
		for (int multiple : OVERLOADS) {
			scenarios.add(Scenario.overload(prefix + multiple + "x",
					"overload, " + multiple + "x the capacity users" + placement, Users.timesCapacity(multiple),
					pinned));
		}
		if (pinned) {
			for (int multiple : ARRIVALS) {
				scenarios.add(Scenario.overload(prefix + "open-" + multiple + "x",
						"open loop, arrivals at " + multiple + "x the capacity's live rate" + placement,
						Users.arrivalsTimesCapacity(multiple), true));
			}
		}
		return scenarios;
	}

}
