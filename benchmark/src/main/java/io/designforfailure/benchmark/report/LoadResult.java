package io.designforfailure.benchmark.report;

import java.util.Locale;
import java.util.Map;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.observe.CpuShares;

/**
 * One row of the overload and retry storm tables: what a load got, live, and what it cost
 * the dependency.
 *
 * @param scenario the scenario's id
 * @param mode guarded or naive
 * @param users the measured users of a closed loop, or 0
 * @param arrivalsPerSecond the rate of an open loop, or 0
 * @param liveGoodput 2xx answers whose section was live, per second
 * @param ok share of 2xx answers, 0-1
 * @param p99 99th percentile latency in milliseconds
 * @param answers share of answers by what they were: {@code live}, a degraded section's
 * reason ({@code overloaded}, {@code bulkhead-full} ...), or {@code non-2xx}; largest
 * first
 * @param breakerOpened whether the dependency's breaker was seen open during the run
 * @param callsPerRequest calls that reached the dependency per storefront request, or
 * null when not counted
 * @param cpu who used the CPUs during the run
 */
public record LoadResult(String scenario, Mode mode, int users, double arrivalsPerSecond, double liveGoodput, double ok,
		double p99, Map<String, Double> answers, boolean breakerOpened, Double callsPerRequest, CpuShares cpu) {

	/** Users, or the rate of arrivals: what drove the load. */
	public String drive() {
		return (this.arrivalsPerSecond > 0) ? String.format(Locale.ROOT, "%.0f/s", this.arrivalsPerSecond)
				: Integer.toString(this.users);
	}

}
