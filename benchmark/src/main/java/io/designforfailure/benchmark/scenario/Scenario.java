package io.designforfailure.benchmark.scenario;

import java.time.Duration;

import io.designforfailure.benchmark.fault.Fault;

/**
 * One thing that happens to the system while users keep asking.
 *
 * @param id the name of its chart file
 * @param title its row in the results
 * @param endpoint what the measured users ask for
 * @param dependency the dependency the fault is done to, or null when healthy
 * @param fault the fault, or null when healthy
 * @param windows how many times the fault comes (a flapping dependency comes back in
 * between)
 * @param sideSearch whether other users search at the same time, unmeasured but counted
 * for recovery
 * @param faultFor how long the fault lasts, or null for the run's default
 * @param after the longest load after the fault, or null for the run's default
 */
public record Scenario(String id, String title, Endpoint endpoint, String dependency, Fault.Plan fault, int windows,
		boolean sideSearch, Duration faultFor, Duration after) {
}
