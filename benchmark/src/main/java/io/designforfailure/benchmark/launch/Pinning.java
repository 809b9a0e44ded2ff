package io.designforfailure.benchmark.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.designforfailure.launcher.ServiceProcess;

/**
 * Gives search-service a core of its own, and the storefronts, the other services and the
 * benchmark's own JVM (the load generator) the others, as on machines of their own; then
 * gives every process every core again. On one machine the load generator and the
 * storefront take the CPU that search needs, and a figure measured that way is about the
 * machine, not the design. Done with {@code taskset -a -p} on each JVM, all its threads;
 * PostgreSQL's processes are left alone (no overload scenario touches the database).
 * Where there is no {@code taskset} or only one core, nothing is pinned and
 * {@link #describe()} says so.
 */
public final class Pinning {

	private static final String TASKSET = "taskset";

	/** How often to try a taskset that fails before giving up. */
	private static final int ATTEMPTS = 5;

	private final int cores;

	private final String unavailable;

	private boolean pinned;

	private Pinning(int cores, String unavailable) {
		this.cores = cores;
		this.unavailable = unavailable;
	}

	/** What this machine allows: pinning, or why not. */
	public static Pinning ofThisMachine() {
		int cores = Runtime.getRuntime().availableProcessors();
		if (cores < 2) {
			return of(cores, "only " + cores + " core");
		}
		return of(cores, onPath(TASKSET) ? null : "no taskset on the PATH (util-linux)");
	}

	/**
	 * @param cores the cores there are
	 * @param unavailable why nothing can be pinned, or null when it can
	 */
	static Pinning of(int cores, String unavailable) {
		return new Pinning(cores, unavailable);
	}

	/** Whether search can be given a core of its own here. */
	public boolean available() {
		return this.unavailable == null;
	}

	/** The core search gets: the last. */
	String searchCores() {
		return Integer.toString(this.cores - 1);
	}

	/** The cores everything else gets: all the others. */
	String otherCores() {
		return (this.cores == 2) ? "0" : "0-" + (this.cores - 2);
	}

	private String allCores() {
		return "0-" + (this.cores - 1);
	}

	/** One line for the report: who ran where in the pinned runs. */
	public String describe() {
		if (!available()) {
			return "not pinned: " + this.unavailable + "; the rows marked \"search pinned\" ran with every process on"
					+ " every core, like the others";
		}
		return String.format(Locale.ROOT,
				"search-service on CPU %s; the storefronts, recommendations-service and the benchmark's JVM (the load"
						+ " generator) on CPU %s, with taskset -a -p; PostgreSQL not pinned; %d cores in all",
				searchCores(), otherCores(), this.cores);
	}

	/** Pins the lab's JVMs and this one, unless they are pinned already. */
	public void pin(Lab lab) {
		if (!available() || this.pinned) {
			return;
		}
		List<Long> others = new ArrayList<>(pids(lab.others()));
		others.add(ProcessHandle.current().pid());
		apply(searchCores(), pids(List.of(lab.search())));
		apply(otherCores(), others);
		this.pinned = true;
	}

	/** Gives every JVM of the lab, and this one, every core again. */
	public void release(Lab lab) {
		if (!available() || !this.pinned) {
			return;
		}
		List<Long> all = new ArrayList<>(pids(lab.others()));
		all.addAll(pids(List.of(lab.search())));
		all.add(ProcessHandle.current().pid());
		apply(allCores(), all);
		this.pinned = false;
	}

	private static List<Long> pids(List<ServiceProcess> services) {
		return services.stream().flatMap((service) -> service.pid().stream()).toList();
	}

	private static void apply(String cores, List<Long> pids) {
		for (long pid : pids) {
			run(List.of(TASKSET, "-a", "-p", "-c", cores, Long.toString(pid)));
		}
	}

	/**
	 * Runs taskset, again when it fails: {@code -a} sets each thread of the JVM in turn,
	 * and one that ends meanwhile fails the whole command.
	 */
	private static void run(List<String> command) {
		String output = "";
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
				if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
					return;
				}
			}
			catch (IOException ex) {
				output = ex.getMessage();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("Could not pin (" + String.join(" ", command) + "): " + output);
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(":")) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
				return true;
			}
		}
		return false;
	}

}
