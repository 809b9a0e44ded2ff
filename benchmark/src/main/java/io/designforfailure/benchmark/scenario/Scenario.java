package io.designforfailure.benchmark.scenario;

import java.time.Duration;
import java.util.List;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.fault.Fault;

/**
 * One thing that happens to the system while users keep asking. Built by the named
 * factories below, which say what kind of scenario it is.
 *
 * @param id the name of its chart file, and what {@code --only} selects it by
 * @param title its row in the results
 * @param endpoint what the measured users ask for
 * @param dependency the dependency the fault is done to or the load falls on, or null
 * when healthy
 * @param fault the fault, or null when there is none
 * @param windows how many times the fault comes (a flapping dependency comes back in
 * between)
 * @param sideSearch whether other users search at the same time, unmeasured but counted
 * for recovery
 * @param faultFor how long the fault lasts, or null for the run's default
 * @param after the longest load after the fault, or null for the run's default
 * @param users how many measured users
 * @param failing the share of search calls the flaky proxy fails, when the storefront
 * calls search through it; null when it calls search directly
 * @param twin whether it runs on one of the two guarded storefronts that differ only in
 * recording views, and on which
 * @param think how long each measured user pauses before each request: between this and
 * twice this
 * @param pinned whether search-service runs on a core of its own and everything else on
 * the others, as on machines of their own
 * ({@link io.designforfailure.benchmark.launch.Pinning})
 */
public record Scenario(String id, String title, Endpoint endpoint, String dependency, Fault.Plan fault, int windows,
		boolean sideSearch, Duration faultFor, Duration after, Users users, Double failing, Twin twin, Duration think,
		boolean pinned) {

	/** The default users, no fault: the guards' cost when nothing goes wrong. */
	static Scenario healthy(String id, String title, Endpoint endpoint) {
		return new Scenario(id, title, endpoint, null, null, 0, false, null, null, Users.standard(), null, Twin.NONE,
				Duration.ZERO, false);
	}

	/** The default users; a fault done to a dependency once, then undone. */
	static Scenario faulted(String id, String title, Endpoint endpoint, String dependency, Fault.Plan fault) {
		return new Scenario(id, title, endpoint, dependency, fault, 1, false, null, null, Users.standard(), null,
				Twin.NONE, Duration.ZERO, false);
	}

	/**
	 * Searches, by as many users or at the rate {@code users} says, on a healthy search;
	 * {@code pinned}: with search on a core of its own.
	 */
	static Scenario overload(String id, String title, Users users, boolean pinned) {
		return new Scenario(id, title, Endpoint.SEARCH, "search", null, 0, false, null, null, users, null, Twin.NONE,
				Duration.ZERO, pinned);
	}

	/**
	 * The default users search through the flaky proxy, which fails a share of the calls
	 * for the whole run.
	 */
	static Scenario retryStorm(String id, String title, double failing) {
		return new Scenario(id, title, Endpoint.SEARCH, "search", null, 0, false, null, null, Users.standard(), failing,
				Twin.NONE, Duration.ZERO, false);
	}

	/**
	 * The default users on healthy product pages of one of the twin storefronts, for the
	 * run's steady time: with and without recording views, they measure what recording
	 * costs. With no think time they take all the CPU there is, so what recording costs
	 * shows in throughput; pausing between pages, below that, it would show in latency.
	 */
	static Scenario onTwin(String id, String title, Twin twin, Duration think) {
		return new Scenario(id, title, Endpoint.PRODUCT, null, null, 0, false, null, null, Users.standard(), null, twin,
				think, false);
	}

	/** The same fault, on and off {@code count} times. */
	Scenario flapping(int count) {
		return new Scenario(this.id, this.title, this.endpoint, this.dependency, this.fault, count, this.sideSearch,
				this.faultFor, this.after, this.users, this.failing, this.twin, this.think, this.pinned);
	}

	/**
	 * The same fault while more users search beside the measured ones, for a given time
	 * and with the load after it lasting up to {@code after}.
	 */
	Scenario withSideSearch(Duration faultFor, Duration after) {
		return new Scenario(this.id, this.title, this.endpoint, this.dependency, this.fault, this.windows, true,
				faultFor, after, this.users, this.failing, this.twin, this.think, this.pinned);
	}

	/** Whether the storefront calls search through the flaky proxy. */
	public boolean viaProxy() {
		return this.failing != null;
	}

	/** The storefronts it runs on: the guarded and the naive one, or only the first. */
	public List<Mode> modes() {
		return onTwin() ? List.of(Mode.GUARDED) : List.of(Mode.values());
	}

	/** Whether its users ask for product pages. */
	public boolean onProductPages() {
		return this.endpoint == Endpoint.PRODUCT;
	}

	/**
	 * Whether its users record views, whose fate the run then follows until each is in
	 * recommendations-service's database.
	 */
	public boolean recordsViews() {
		return this.endpoint == Endpoint.PRODUCT && this.twin != Twin.NOT_RECORDING;
	}

	/** Whether it runs on one of the twin storefronts. */
	public boolean onTwin() {
		return this.twin != Twin.NONE;
	}

	/**
	 * Whether it runs on both twin storefronts at once, the recording one measured first.
	 */
	public boolean onBothTwins() {
		return this.twin == Twin.BOTH || this.twin == Twin.TRACING_BOTH;
	}

	/**
	 * Whether the twin beside it records views too, for the same users, so that the
	 * database holds the views of both: the tracing twins differ in tracing only.
	 */
	public boolean besideRecordsViews() {
		return this.twin == Twin.TRACING_BOTH;
	}

	/** Whether it runs on the twins alike but for tracing, rather than for views. */
	public boolean onTracingTwins() {
		return this.twin == Twin.TRACING_BOTH;
	}

	/**
	 * Two guarded storefronts started, warmed and loaded alike, one recording views and
	 * one not ({@code storefront.recommendations.views.enabled=false}), so that the
	 * difference between their product pages is the cost of recording, not of a JVM's
	 * history.
	 */
	public enum Twin {

		/** One of the usual storefronts. */
		NONE,

		/** The twin that records views. */
		RECORDING,

		/** The twin that records none. */
		NOT_RECORDING,

		/**
		 * The twin that records views, measured while the twin that records none takes
		 * the same load at the same time and is measured too: both meet the same machine,
		 * so a busy moment cannot land on one alone.
		 */
		BOTH,

		/**
		 * The same, on two more twins alike but for tracing: the one measured first
		 * samples every request and sends its spans (and the dependencies theirs) to a
		 * real Zipkin; the one beside it has tracing off.
		 */
		TRACING_BOTH

	}

	/**
	 * Whether the load runs steadily for the run's steady time: overload, retry storm,
	 * twins.
	 */
	boolean steady() {
		return this.users.overloads() || viaProxy() || onTwin();
	}

}
