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
 * @param sideUsers virtual users searching in the isolation scenario
 * @param warmup load on each storefront before anything is measured, for the JIT
 * @param healthy length of the healthy scenario
 * @param before healthy load before a fault
 * @param fault how long a fault lasts
 * @param after load after the fault ends: the breaker's open duration plus a second
 * @param flap each down and each up period of the flapping dependency
 * @param hang how long a hanging search holds each request
 * @param patience how long a user waits for an answer before giving up
 * @param full whether every scenario runs (quick runs two)
 */
record Options(String name, Path root, int users, int sideUsers, Duration warmup, Duration healthy, Duration before,
		Duration fault, Duration after, Duration flap, Duration hang, Duration patience, boolean full) {

	static Options quick(Path root) {
		return new Options("quick", root, 8, 24, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(2),
				Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(30),
				Duration.ofSeconds(5), false);
	}

	static Options full(Path root) {
		return new Options("full", root, 8, 24, Duration.ofSeconds(8), Duration.ofSeconds(6), Duration.ofSeconds(2),
				Duration.ofSeconds(6), Duration.ofSeconds(11), Duration.ofSeconds(10), Duration.ofSeconds(30),
				Duration.ofSeconds(5), true);
	}

}
