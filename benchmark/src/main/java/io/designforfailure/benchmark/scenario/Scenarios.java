package io.designforfailure.benchmark.scenario;

import java.time.Duration;
import java.util.List;

import io.designforfailure.benchmark.fault.Fault;

/** The scenarios of a run, in the order they run. */
public final class Scenarios {

	private Scenarios() {
	}

	/**
	 * @param full whether every scenario runs, or only a quick look
	 * @param hang how long a hanging search holds each call
	 * @param patience how long a user waits for an answer
	 */
	public static List<Scenario> of(boolean full, Duration hang, Duration patience) {
		Scenario healthy = new Scenario("healthy", "healthy (home + search)", Endpoint.MIXED, null, null, 0, false,
				null, null);
		Scenario hanging = new Scenario("search-hanging", "search hanging (" + hang.toSeconds() + " s), search",
				Endpoint.SEARCH, "search", (lab) -> Fault.latency(lab, "search", hang), 1, false, null, null);
		if (!full) {
			return List.of(healthy, hanging);
		}
		// Long enough for the searches a naive storefront holds to fill its 200 threads:
		// a
		// user abandons one after its patience and sends the next, which hangs too.
		Duration isolationFault = patience.multipliedBy(2);
		// A naive storefront gets its threads back only when the calls that met the hang
		// end, the hang's length after the fault began; a waiting user sees it a little
		// later.
		Duration drained = hang.minus(isolationFault).plus(patience);
		return List.of(healthy,
				new Scenario("recommendations-killed", "recommendations killed, home", Endpoint.HOME, "recommendations",
						(lab) -> Fault.killed(lab.recommendations()), 1, false, null, null),
				new Scenario("recommendations-failing", "recommendations 500 every 2nd call, home", Endpoint.HOME,
						"recommendations", (lab) -> Fault.failingEvery(lab, "recommendations", 2), 1, false, null,
						null),
				new Scenario("search-slow", "search slow (2 s), search", Endpoint.SEARCH, "search",
						(lab) -> Fault.latency(lab, "search", Duration.ofSeconds(2)), 1, false, null, null),
				new Scenario("search-flapping", "search flapping (500s, 10 s on/off), search", Endpoint.SEARCH,
						"search", (lab) -> Fault.failingEvery(lab, "search", 1), 2, false, null, null),
				hanging, new Scenario("isolation", "home while search hangs under load, home", Endpoint.HOME, "search",
						(lab) -> Fault.latency(lab, "search", hang), 1, true, isolationFault, drained));
	}

}
