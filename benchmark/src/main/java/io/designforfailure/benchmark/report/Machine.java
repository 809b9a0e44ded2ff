package io.designforfailure.benchmark.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Where and when the numbers were taken; they mean little without it.
 *
 * @param date the day, UTC
 * @param cores available processors ({@code nproc})
 * @param memory total memory, as /proc/meminfo says
 * @param java the Java runtime
 * @param loadBefore the load average just before the run
 * @param loadAfter the load average just after it
 */
public record Machine(String date, int cores, String memory, String java, String loadBefore, String loadAfter) {

	public static Machine now(String loadBefore) {
		return new Machine(LocalDate.now(ZoneOffset.UTC).toString(), Runtime.getRuntime().availableProcessors(),
				totalMemory(), System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				loadBefore, null);
	}

	public Machine after(String load) {
		return new Machine(this.date, this.cores, this.memory, this.java, this.loadBefore, load);
	}

	/** The 1, 5 and 15 minute load averages. */
	public static String load() {
		double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		try {
			String[] averages = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return averages[0] + " " + averages[1] + " " + averages[2];
		}
		catch (IOException ex) {
			return String.format("%.2f", one);
		}
	}

	private static String totalMemory() {
		try {
			String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
			long kilobytes = Long.parseLong(line.replaceAll("\\D", ""));
			return String.format("%.1f GiB", kilobytes / 1024.0 / 1024.0);
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
