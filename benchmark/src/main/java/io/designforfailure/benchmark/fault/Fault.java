package io.designforfailure.benchmark.fault;

import java.time.Duration;

import io.designforfailure.benchmark.launch.Lab;
import io.designforfailure.launcher.ServiceProcess;

/**
 * Something done to a dependency and then undone; the fault lasts from the moment
 * {@link #begin()} is called until {@link #end()} returns (a restart counts as the
 * fault).
 */
public interface Fault {

	void begin();

	void end();

	static Fault killed(ServiceProcess dependency) {
		return new Fault() {

			@Override
			public void begin() {
				dependency.kill();
			}

			@Override
			public void end() {
				dependency.restart();
			}

		};
	}

	static Fault latency(ServiceProcess dependency, Duration latency) {
		return assault(dependency, () -> Chaos.latency(dependency, latency));
	}

	static Fault failingEvery(ServiceProcess dependency, int nth) {
		return assault(dependency, () -> Chaos.exceptions(dependency, nth));
	}

	private static Fault assault(ServiceProcess dependency, Runnable on) {
		return new Fault() {

			@Override
			public void begin() {
				on.run();
			}

			@Override
			public void end() {
				Chaos.calm(dependency);
			}

		};
	}

	/** Picks the dependency a fault is done to, once the lab runs. */
	@FunctionalInterface
	interface Plan {

		Fault in(Lab lab);

	}

}
