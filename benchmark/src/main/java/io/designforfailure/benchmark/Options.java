package io.designforfailure.benchmark;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long and how hard one benchmark run pushes: quick for a look in under a minute,
 * full for the numbers the README quotes.
 *
 * @param name quick or full
 * @param root the repository root, where the services' jars and docs/ are
 * @param users virtual users of the main load, each with one request in flight
 * @param sideUsers virtual users searching in the isolation scenario: enough that the
 * searches they abandon can hold all 200 of a naive storefront's request threads
 * @param sideThink each searching user pauses between this and twice this before each
 * request, so that a guarded storefront's fast fallbacks do not simply saturate the CPUs
 * @param warmup load on each storefront before anything is measured, for the JIT
 * @param healthy length of the healthy scenario
 * @param before healthy load before a fault
 * @param fault how long a fault lasts
 * @param after the longest load after the fault ends, the breaker's open duration plus a
 * second; it ends sooner once the users who met the fault are answered live again
 * @param flap each down and each up period of the flapping dependency
 * @param hang how long a hanging search holds each request
 * @param patience how long a user waits for an answer before giving up
 * @param steady an overload by a multiple of capacity, and a retry storm, each; longer
 * than the breaker's 10 s open state, so an opening is seen closing again
 */
record Options(String name, Path root, int users, int sideUsers, Duration sideThink, Duration warmup, Duration healthy,
		Duration before, Duration fault, Duration after, Duration flap, Duration hang, Duration patience,
		Duration steady) {

	/**
	 * Too short after a fault, and in an overload, to see a breaker close again: the full
	 * run measures that.
	 */
	static Options quick(Path root) {
		return new Options("quick", root, 8, 100, Duration.ofMillis(400), Duration.ofSeconds(4), Duration.ofSeconds(3),
				Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(10),
				Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(4));
	}

	static Options full(Path root) {
		return new Options("full", root, 8, 100, Duration.ofMillis(400), Duration.ofSeconds(16), Duration.ofSeconds(6),
				Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(11), Duration.ofSeconds(10),
				Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(15));
	}

}
