package io.designforfailure.benchmark.report;

import java.util.Comparator;
import java.util.List;

/**
 * The storefront's capacity as the run measured it: the ramp step with the best live
 * goodput, and that goodput, the yardstick of the overloads.
 *
 * @param users the users of that step
 * @param liveGoodput its live answers per second
 * @param searchCpu search-service's share of the machine's CPUs in that step
 * @param measured whether a ramp ran at all; without one the default users stand in and
 * no share of capacity can be given
 */
public record Capacity(int users, double liveGoodput, double searchCpu, boolean measured) {

	/** Before a ramp has run, or when it was not selected. */
	public static Capacity assumed(int users) {
		return new Capacity(users, Double.NaN, Double.NaN, false);
	}

	/** The best of the ramp's steps; the fewer users when two are equal. */
	public static Capacity best(List<LoadResult> ramp, int fallbackUsers) {
		return ramp.stream()
			.max(Comparator.comparingDouble(LoadResult::liveGoodput)
				.thenComparing(Comparator.comparingInt(LoadResult::users).reversed()))
			.map((step) -> new Capacity(step.users(), step.liveGoodput(), step.cpu().search(), true))
			.orElse(assumed(fallbackUsers));
	}

	/** A goodput as a share of this capacity's, or NaN when capacity was not measured. */
	public double share(double liveGoodput) {
		return this.measured ? liveGoodput / this.liveGoodput : Double.NaN;
	}

	/**
	 * A load's live answers per unit of search-service's CPU, as a share of this
	 * capacity's: what search-service itself still gets done under overload, whatever CPU
	 * the processes beside it on the same machine take; NaN when capacity was not
	 * measured or search used no CPU.
	 */
	public double sharePerSearchCpu(LoadResult load) {
		if (!this.measured || load.cpu().search() <= 0 || this.searchCpu <= 0) {
			return Double.NaN;
		}
		return (load.liveGoodput() / load.cpu().search()) / (this.liveGoodput / this.searchCpu);
	}

}
