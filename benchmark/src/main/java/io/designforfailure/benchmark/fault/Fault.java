package io.designforfailure.benchmark.fault;

import java.time.Duration;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.launch.Lab;
import io.designforfailure.launcher.PostgresServer;
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

	/**
	 * The database stopped with a fast shutdown, as an operator would, and started again;
	 * the fault lasts until it accepts connections.
	 */
	static Fault stopped(PostgresServer database) {
		return new Fault() {

			@Override
			public void begin() {
				database.stop();
			}

			@Override
			public void end() {
				database.start();
			}

		};
	}

	/** Every call to the dependency named so in the storefront waits {@code latency}. */
	static Fault latency(Lab lab, String dependency, Duration latency) {
		ServiceProcess storefront = lab.storefront(Mode.GUARDED);
		return assault(storefront, dependency, () -> Chaos.latency(storefront, dependency, latency));
	}

	/**
	 * Every {@code nth} call to the dependency named so in the storefront answers 500.
	 */
	static Fault failingEvery(Lab lab, String dependency, int nth) {
		ServiceProcess storefront = lab.storefront(Mode.GUARDED);
		return assault(storefront, dependency, () -> Chaos.errors(storefront, dependency, nth));
	}

	/**
	 * Switched through one storefront: both call the same dependencies, so the assault
	 * reaches both.
	 */
	private static Fault assault(ServiceProcess storefront, String dependency, Runnable on) {
		return new Fault() {

			@Override
			public void begin() {
				on.run();
			}

			@Override
			public void end() {
				Chaos.off(storefront, dependency);
			}

		};
	}

	/** Picks the dependency a fault is done to, once the lab runs. */
	@FunctionalInterface
	interface Plan {

		Fault in(Lab lab);

	}

}
