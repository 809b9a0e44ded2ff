package io.designforfailure.benchmark.report;

import java.util.List;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.load.Sample;
import io.designforfailure.benchmark.observe.Threads;
import io.designforfailure.benchmark.observe.Transition;

/**
 * Everything one scenario in one mode produced, before it is summarized.
 *
 * @param scenario the scenario's id
 * @param mode guarded or naive
 * @param dependency the dependency the fault was done to, or null when healthy
 * @param durationMillis how long the load ran
 * @param samples the measured load
 * @param sideSamples the searches that ran beside the measured load (isolation), else
 * empty
 * @param windows when the fault was on
 * @param transitions every breaker state the watch saw change
 * @param threads the storefront's request threads
 */
public record RunData(String scenario, Mode mode, String dependency, long durationMillis, List<Sample> samples,
		List<Sample> sideSamples, List<Window> windows, List<Transition> transitions, Threads threads) {

	/**
	 * The samples whose recovery counts: the side load's when there is one, it met the
	 * fault.
	 */
	List<Sample> faultedSamples() {
		return this.sideSamples.isEmpty() ? this.samples : this.sideSamples;
	}

}
