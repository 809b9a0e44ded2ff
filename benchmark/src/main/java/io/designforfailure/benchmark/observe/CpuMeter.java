package io.designforfailure.benchmark.observe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.designforfailure.launcher.ServiceProcess;

/**
 * Measures who used the CPUs between {@link #start} and {@link #stop}: on a 2-core
 * machine the load generator competes with what it loads, and a figure that misses a
 * target means little without the share each process took.
 */
public final class CpuMeter {

	/**
	 * Linux counts /proc/stat in USER_HZ ticks, 100 a second on every mainstream kernel.
	 */
	private static final double TICKS_PER_SECOND = 100.0;

	private final ServiceProcess storefront;

	private final ServiceProcess search;

	private final long startNanos;

	private final long benchmarkAtStart;

	private final long storefrontAtStart;

	private final long searchAtStart;

	private final double machineAtStart;

	private CpuMeter(ServiceProcess storefront, ServiceProcess search) {
		this.storefront = storefront;
		this.search = search;
		this.startNanos = System.nanoTime();
		this.benchmarkAtStart = benchmarkNanos();
		this.storefrontAtStart = nanos(storefront);
		this.searchAtStart = nanos(search);
		this.machineAtStart = machineBusySeconds(procStat());
	}

	public static CpuMeter start(ServiceProcess storefront, ServiceProcess search) {
		return new CpuMeter(storefront, search);
	}

	public CpuShares stop() {
		double capacity = (System.nanoTime() - this.startNanos) / 1e9 * cores(procStat());
		return new CpuShares((benchmarkNanos() - this.benchmarkAtStart) / 1e9 / capacity,
				(nanos(this.storefront) - this.storefrontAtStart) / 1e9 / capacity,
				(nanos(this.search) - this.searchAtStart) / 1e9 / capacity,
				(machineBusySeconds(procStat()) - this.machineAtStart) / capacity);
	}

	/**
	 * Seconds the CPUs were busy since boot, from the first line of /proc/stat: every
	 * column but idle and iowait; NaN when it cannot be read.
	 */
	static double machineBusySeconds(String procStat) {
		String[] columns = procStat.lines().findFirst().orElse("").trim().split("\\s+");
		if (columns.length < 5 || !columns[0].equals("cpu")) {
			return Double.NaN;
		}
		long busy = 0;
		// user nice system idle iowait irq softirq steal; guest time is already in user.
		for (int column = 1; column < Math.min(columns.length, 9); column++) {
			if (column != 4 && column != 5) {
				busy += Long.parseLong(columns[column]);
			}
		}
		return busy / TICKS_PER_SECOND;
	}

	/**
	 * The machine's cores, from the per-CPU lines of /proc/stat: not the JVM's available
	 * processors, which a pinned benchmark JVM sees as the one core it may use.
	 */
	static int cores(String procStat) {
		long cpus = procStat.lines().filter((line) -> line.matches("cpu\\d+ .*")).count();
		return (cpus > 0) ? (int) cpus : Runtime.getRuntime().availableProcessors();
	}

	private static String procStat() {
		try {
			return Files.readString(Path.of("/proc/stat"));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static long benchmarkNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	private static long nanos(ServiceProcess service) {
		return service.cpuTime().map(Duration::toNanos).orElse(0L);
	}

}
