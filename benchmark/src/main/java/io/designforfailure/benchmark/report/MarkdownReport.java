package io.designforfailure.benchmark.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.observe.CpuShares;
import io.designforfailure.benchmark.observe.ViewAudit;

/**
 * The results as a Markdown page: where they were taken, then one row per scenario and
 * mode.
 */
public final class MarkdownReport {

	private MarkdownReport() {
	}

	/**
	 * @param machine where and when
	 * @param mode quick or full
	 * @param titles the scenario titles, in the order of the rows
	 * @param rows one per scenario and mode
	 */
	public static String render(Machine machine, String mode, List<String> titles, List<RunResult> rows, String notes) {
		StringBuilder page = new StringBuilder();
		page.append("# Benchmark results: guards as configured, off, and as people copy them\n\n");
		page.append(where(machine));
		page.append("- Mode: ").append(mode).append("\n\n");
		page.append("| scenario | mode | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | 2xx | degraded"
				+ " | p99 before fault | p99 in fault, breaker not open | p99 in fault, breaker open | fault to open | fault end to live"
				+ " | busy threads at peak |\n");
		page.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int row = 0; row < rows.size(); row++) {
			RunResult result = rows.get(row);
			page.append("| ")
				.append(titles.get(row))
				.append(" | ")
				.append(result.mode().label())
				.append(" | ")
				.append(result.requests())
				.append(" | ")
				.append(number(result.throughput()))
				.append(" | ")
				.append(number(result.p50()))
				.append(" | ")
				.append(number(result.p95()))
				.append(" | ")
				.append(number(result.p99()))
				.append(" | ")
				.append(number(result.max()))
				.append(" | ")
				.append(percent(result.ok()))
				.append(" | ")
				.append(percent(result.degraded()))
				.append(" | ")
				.append(optional(result.p99Before()))
				.append(" | ")
				.append(optional(result.p99FaultClosed()))
				.append(" | ")
				.append(optional(result.p99FaultOpen()))
				.append(" | ")
				.append(duration(result.faulted(), result.faultToOpen()))
				.append(" | ")
				.append(duration(result.faulted(), result.endToLive()))
				.append(" | ")
				.append(threads(result))
				.append(" |\n");
		}
		page.append('\n').append(notes);
		return page.toString();
	}

	/** Where and when: the date, the machine, its load average before and after. */
	static String where(Machine machine) {
		return String.format(Locale.ROOT,
				"- Date: %s\n- Machine: %d cores (nproc), %s memory, %s\n- Load average (1/5/15 min): %s before the run,"
						+ " %s after it\n",
				machine.date(), machine.cores(), machine.memory(), machine.java(), machine.loadBefore(),
				machine.loadAfter());
	}

	/**
	 * A table of loads: what each got live, at what cost to the dependency and the CPUs;
	 * empty when there are no rows.
	 * @param heading the table's heading
	 * @param titles the scenario titles, in the order of the rows
	 * @param rows one per scenario and mode
	 * @param capacity each storefront's capacity, for the share of it each row got
	 * @param perSearchCpu whether to give that share per unit of search-service's CPU
	 * too: for loads on search directly, not through the flaky proxy
	 */
	public static String loads(String heading, List<String> titles, List<LoadResult> rows, Map<Mode, Capacity> capacity,
			boolean perSearchCpu) {
		if (rows.isEmpty()) {
			return "";
		}
		StringBuilder table = new StringBuilder();
		table.append("## ").append(heading).append("\n\n");
		table.append("| scenario | mode | users or arrivals | live answers/s | of capacity"
				+ (perSearchCpu ? " | of capacity, per search CPU" : "") + " | 2xx | p99 ms | answers"
				+ " | search breaker opened | calls to search per search"
				+ " | CPU: benchmark / storefront / search / rest |\n");
		table.append("|---|---|---:|---:|---:|")
			.append(perSearchCpu ? "---:|" : "")
			.append("---:|---:|---|---|---:|---|\n");
		for (int row = 0; row < rows.size(); row++) {
			LoadResult result = rows.get(row);
			double share = capacity.get(result.mode()).share(result.liveGoodput());
			table.append("| ")
				.append(titles.get(row))
				.append(" | ")
				.append(result.mode().label())
				.append(" | ")
				.append(result.drive())
				.append(" | ")
				.append(number(result.liveGoodput()))
				.append(" | ")
				.append(Double.isNaN(share) ? "-" : percent(share))
				.append(" | ");
			if (perSearchCpu) {
				double perCpu = capacity.get(result.mode()).sharePerSearchCpu(result);
				table.append(Double.isNaN(perCpu) ? "-" : percent(perCpu)).append(" | ");
			}
			table.append(percent(result.ok()))
				.append(" | ")
				.append(number(result.p99()))
				.append(" | ")
				.append(answers(result.answers()))
				.append(" | ")
				.append(result.breakerOpened() ? "**yes**" : "no")
				.append(" | ")
				.append((result.callsPerRequest() != null)
						? String.format(Locale.ROOT, "%.3f", result.callsPerRequest()) : "-")
				.append(" | ")
				.append(cpu(result.cpu()))
				.append(" |\n");
		}
		return table.append('\n').toString();
	}

	/**
	 * The product page rows: what recording a view costs the page (with and without, in
	 * one run), and whether each view reached recommendations-service's database once;
	 * empty when there are no rows.
	 * @param rows one per product page scenario and storefront
	 */
	public static String views(List<ViewRow> rows) {
		if (rows.isEmpty()) {
			return "";
		}
		StringBuilder table = new StringBuilder();
		table.append("## Product pages: what recording a view costs, and whether one is lost\n\n");
		table.append("| scenario | mode | req/s | p50 ms | p99 ms | max ms | 2xx | answers | pages answered"
				+ " | views in the database | redelivered | dropped | most waiting | all in the database |\n");
		table.append("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|\n");
		for (ViewRow row : rows) {
			RunResult result = row.result();
			ViewAudit.Views views = row.views();
			table.append("| ")
				.append(row.title())
				.append(" | ")
				.append(result.mode().label())
				.append(" | ")
				.append(number(result.throughput()))
				.append(" | ")
				.append(number(result.p50()))
				.append(" | ")
				.append(number(result.p99()))
				.append(" | ")
				.append(number(result.max()))
				.append(" | ")
				.append(percent(result.ok()))
				.append(" | ")
				.append(answers(row.answers()))
				.append(" | ");
			if (views == null) {
				table.append("- | - | - | - | - | - |\n");
				continue;
			}
			table.append(views.pages())
				.append(" | ")
				.append(views.inDatabase())
				.append(views.exactlyOnce() ? " (each once)" : "")
				.append(" | ")
				.append(views.redelivered())
				.append(" | ")
				.append(views.dropped())
				.append(" | ")
				.append(views.peakPending())
				.append(" | ")
				.append((views.settledMillis() != null) ? String.format(Locale.ROOT, "%.1f s after the %s",
						views.settledMillis() / 1000.0, result.faulted() ? "fault" : "load")
						: "**no**: " + views.pending() + " still waiting")
				.append(" |\n");
		}
		return table.append('\n').toString();
	}

	/**
	 * One row of the product page table.
	 *
	 * @param title the scenario's title
	 * @param result its latencies
	 * @param answers shares of its answers by kind (live, a degraded section's reason,
	 * non-2xx)
	 * @param views what became of its views, or null when it recorded none
	 */
	public record ViewRow(String title, RunResult result, Map<String, Double> answers, ViewAudit.Views views) {
	}

	/** Shares of answers by kind, e.g. {@code live 62.0 %, bulkhead-full 38.0 %}. */
	public static String answers(Map<String, Double> shares) {
		return shares.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + percent(entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	static String cpu(CpuShares cpu) {
		return String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f %%", cpu.benchmark() * 100, cpu.storefront() * 100,
				cpu.search() * 100, cpu.others() * 100);
	}

	static String number(double value) {
		if (value >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, (value >= 10) ? "%.1f" : "%.2f", value);
	}

	static String percent(double share) {
		return String.format(Locale.ROOT, "%.1f %%", share * 100);
	}

	private static String optional(Double millis) {
		return (millis != null) ? number(millis) : "-";
	}

	private static String duration(boolean faulted, Long millis) {
		if (!faulted) {
			return "-";
		}
		return (millis != null) ? String.format(Locale.ROOT, "%.2f s", millis / 1000.0) : "never";
	}

	private static String threads(RunResult result) {
		String peak = Integer.toString(result.threads().peakBusy());
		int unanswered = result.threads().unanswered();
		return (unanswered > 0) ? peak + " (" + unanswered + "/" + result.threads().polls() + " polls unanswered)"
				: peak;
	}

}
