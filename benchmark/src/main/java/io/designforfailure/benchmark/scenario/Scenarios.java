package io.designforfailure.benchmark.scenario;

import java.time.Duration;
import java.util.List;

import io.designforfailure.benchmark.fault.Fault;

/** The scenarios of a run, in the order they run. */
public final class Scenarios {

	private Scenarios() {
	}

	public static List<Scenario> of(boolean full, Duration hang) {
		Scenario healthy = new Scenario("healthy", "healthy (home + search)", Endpoint.MIXED, null, null, 0, false);
		Scenario hanging = new Scenario("search-hanging", "search hanging (" + hang.toSeconds() + " s), search",
				Endpoint.SEARCH, "search", (lab) -> Fault.latency(lab.search(), hang), 1, false);
		if (!full) {
			return List.of(healthy, hanging);
		}
		return List.of(healthy,
				new Scenario("recommendations-killed", "recommendations killed, home", Endpoint.HOME, "recommendations",
						(lab) -> Fault.killed(lab.recommendations()), 1, false),
				new Scenario("recommendations-failing", "recommendations 500 every 2nd call, home", Endpoint.HOME,
						"recommendations", (lab) -> Fault.failingEvery(lab.recommendations(), 2), 1, false),
				new Scenario("search-slow", "search slow (2 s), search", Endpoint.SEARCH, "search",
						(lab) -> Fault.latency(lab.search(), Duration.ofSeconds(2)), 1, false),
				new Scenario("search-flapping", "search flapping (500s, 10 s on/off), search", Endpoint.SEARCH,
						"search", (lab) -> Fault.failingEvery(lab.search(), 1), 2, false),
				hanging, new Scenario("isolation", "home while search hangs under load, home", Endpoint.HOME, "search",
						(lab) -> Fault.latency(lab.search(), hang), 1, true));
	}

}
