package io.designforfailure.benchmark.report;

import java.util.List;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.load.Sample;
import io.designforfailure.benchmark.observe.CpuShares;
import io.designforfailure.benchmark.observe.Threads;
import io.designforfailure.benchmark.observe.Transition;
import io.designforfailure.benchmark.observe.ViewAudit;

/**
 * Everything one scenario in one mode produced, before it is summarized.
 *
 * @param scenario the scenario's id
 * @param mode guarded or naive
 * @param dependency the dependency the fault was done to, or null when healthy
 * @param durationMillis how long the load ran
 * @param samples the measured load
 * @param sideSamples the searches that ran beside the measured load (isolation), or the
 * pages of the twin not recording views beside the twin recording them; else empty
 * @param windows when the fault was on
 * @param transitions every breaker state the watch saw change
 * @param threads the storefront's request threads
 * @param load how hard it was pushed and what it cost: users, calls reaching the
 * dependency, CPU
 */
public record RunData(String scenario, Mode mode, String dependency, long durationMillis, List<Sample> samples,
		List<Sample> sideSamples, List<Window> windows, List<Transition> transitions, Threads threads, Load load) {

	/**
	 * The samples whose recovery counts: the side load's when there is one, it met the
	 * fault.
	 */
	List<Sample> faultedSamples() {
		return this.sideSamples.isEmpty() ? this.samples : this.sideSamples;
	}

	/**
	 * The load that ran beside the measured one, as a run of its own: no views followed,
	 * no calls counted, the same CPU shares (they were measured for both).
	 */
	public RunData beside() {
		return new RunData(this.scenario, this.mode, this.dependency, this.durationMillis, this.sideSamples, List.of(),
				this.windows, this.transitions, this.threads,
				new Load(this.load.users(), this.load.arrivalsPerSecond(), null, this.load.cpu(), null));
	}

	/**
	 * How hard a run pushed and what it cost.
	 *
	 * @param users the measured users of a closed loop, or 0
	 * @param arrivalsPerSecond the rate of an open loop, or 0
	 * @param dependencyCalls the calls that reached the dependency, as the flaky proxy
	 * counted them, or null when the storefront called it directly
	 * @param cpu who used the CPUs during the run
	 * @param views what became of the views the users caused, or null when they caused
	 * none
	 */
	public record Load(int users, double arrivalsPerSecond, Long dependencyCalls, CpuShares cpu,
			ViewAudit.Views views) {

		/** A closed loop whose users caused no views. */
		public Load(int users, Long dependencyCalls, CpuShares cpu) {
			this(users, 0, dependencyCalls, cpu, null);
		}

	}

}
