package io.designforfailure.benchmark.observe;

/**
 * Who used the machine's CPUs during a run, each as a share of everything the cores could
 * do in that time (1.0 = every core busy the whole run).
 *
 * @param benchmark the benchmark's own JVM: the load generator, and the flaky proxy when
 * one runs
 * @param storefront the storefront under load
 * @param search search-service
 * @param machine every process on the machine, these three included
 */
public record CpuShares(double benchmark, double storefront, double search, double machine) {

	/** Everything else: the other JVMs of the run, and whatever else the machine runs. */
	public double others() {
		return Math.max(0, this.machine - this.benchmark - this.storefront - this.search);
	}

}
