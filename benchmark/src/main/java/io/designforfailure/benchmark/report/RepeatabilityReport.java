package io.designforfailure.benchmark.report;

import java.util.List;
import java.util.Locale;

/**
 * The overload scenario run again and again from a fresh start, every run reported, and
 * how many met each target: a claim that holds in some runs only is not yet a property of
 * the design.
 */
public final class RepeatabilityReport {

	/** Live goodput at 25x at least this share of the same run's capacity. */
	static final double GOODPUT_TARGET = 0.8;

	/** p99 within the storefront's budget. */
	static final double P99_TARGET_MILLIS = 1000;

	private RepeatabilityReport() {
	}

	/**
	 * One run in one placement.
	 *
	 * @param run which run, from 1
	 * @param pinned whether search had a core of its own
	 * @param capacity what the ramp measured in this run
	 * @param overload the overload at a multiple of the capacity users
	 * @param breakerOpened whether the search breaker was seen open in any of the runs of
	 * this placement: the ramp's steps or the overload
	 */
	public record Row(int run, boolean pinned, Capacity capacity, LoadResult overload, boolean breakerOpened) {

		double share() {
			return this.capacity.share(this.overload.liveGoodput());
		}

		boolean metGoodput() {
			return share() >= GOODPUT_TARGET;
		}

		boolean metP99() {
			return this.overload.p99() <= P99_TARGET_MILLIS;
		}

	}

	/**
	 * @param machine where and when
	 * @param pinning who ran where in the pinned runs
	 * @param multiple the overload's multiple of the capacity users
	 * @param rows every run, in both placements
	 * @param notes how it was measured
	 */
	public static String render(Machine machine, String pinning, int multiple, List<Row> rows, String notes) {
		StringBuilder page = new StringBuilder("# Overload, run after run\n\n");
		page.append(MarkdownReport.where(machine));
		page.append("- Pinning: ").append(pinning).append("\n\n");
		for (boolean pinned : List.of(true, false)) {
			List<Row> placement = rows.stream().filter((row) -> row.pinned() == pinned).toList();
			if (placement.isEmpty()) {
				continue;
			}
			page.append("## ")
				.append(pinned ? "Search pinned to a core of its own" : "Every process on every core")
				.append("\n\n");
			page.append(summary(placement, multiple)).append("\n\n");
			page.append("| run | capacity users | capacity live/s | ")
				.append(multiple)
				.append("x users | live/s | of capacity | p99 ms | 2xx | answers | search breaker opened"
						+ " | CPU: benchmark / storefront / search / rest |\n");
			page.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n");
			for (Row row : placement) {
				LoadResult overload = row.overload();
				page.append("| ")
					.append(row.run())
					.append(" | ")
					.append(row.capacity().users())
					.append(" | ")
					.append(MarkdownReport.number(row.capacity().liveGoodput()))
					.append(" | ")
					.append(overload.users())
					.append(" | ")
					.append(MarkdownReport.number(overload.liveGoodput()))
					.append(" | ")
					.append(row.metGoodput() ? "" : "**")
					.append(MarkdownReport.percent(row.share()))
					.append(row.metGoodput() ? "" : "**")
					.append(" | ")
					.append(MarkdownReport.number(overload.p99()))
					.append(" | ")
					.append(MarkdownReport.percent(overload.ok()))
					.append(" | ")
					.append(MarkdownReport.answers(overload.answers()))
					.append(" | ")
					.append(row.breakerOpened() ? "**yes**" : "no")
					.append(" | ")
					.append(MarkdownReport.cpu(overload.cpu()))
					.append(" |\n");
			}
			page.append('\n');
		}
		return page.append(notes).toString();
	}

	/** The targets and how many runs met each. */
	static String summary(List<Row> rows, int multiple) {
		int runs = rows.size();
		long closed = rows.stream().filter((row) -> !row.breakerOpened()).count();
		long goodput = rows.stream().filter(Row::metGoodput).count();
		long p99 = rows.stream().filter(Row::metP99).count();
		double lowest = rows.stream().mapToDouble(Row::share).min().orElse(Double.NaN);
		double highest = rows.stream().mapToDouble(Row::share).max().orElse(Double.NaN);
		double slowest = rows.stream().mapToDouble((row) -> row.overload().p99()).max().orElse(Double.NaN);
		return String.format(Locale.ROOT,
				"The search breaker never opened: %d of %d runs. Live goodput at %dx the users at least 80 %% of the"
						+ " same run's capacity: %d of %d (%.1f-%.1f %%). p99 at %dx within the 1 s budget: %d of %d"
						+ " (at most %s ms).",
				closed, runs, multiple, goodput, runs, lowest * 100, highest * 100, multiple, p99, runs,
				MarkdownReport.number(slowest));
	}

}
