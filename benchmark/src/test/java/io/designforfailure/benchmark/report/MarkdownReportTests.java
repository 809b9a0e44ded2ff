package io.designforfailure.benchmark.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.observe.CpuShares;
import io.designforfailure.benchmark.observe.Threads;
import io.designforfailure.benchmark.observe.ViewAudit;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTests {

	private static final Machine MACHINE = new Machine("2026-11-27", 2, "23.4 GiB", "OpenJDK 17.0.15", "0.50 0.40 0.30",
			"1.50 1.40 1.30");

	@Test
	void statesWhereAndWhenTheNumbersWereTaken() {
		String page = MarkdownReport.render(MACHINE, "full", List.of(), List.of(), "");

		assertThat(page).contains("- Date: 2026-11-27")
			.contains("2 cores (nproc), 23.4 GiB memory, OpenJDK 17.0.15")
			.contains("0.50 0.40 0.30 before the run, 1.50 1.40 1.30 after it")
			.contains("- Mode: full");
	}

	@Test
	void rendersOneRowPerScenarioAndModeWithUnmeasuredTimesSpelledOut() {
		RunResult guarded = new RunResult("search-hanging", Mode.GUARDED, true, 1234, 205.66, 3.21, 12.5, 1004.2, 1180,
				1.0, 0.75, 3.5, 1002.0, 2.5, 1250L, 10_400L, new Threads(9, 20, 0));
		RunResult naive = new RunResult("search-hanging", Mode.NAIVE, true, 80, 8.0, 5000, 5000, 5000, 5001, 0.1, 0.0,
				4.0, 5000.0, null, null, null, new Threads(200, 20, 7));
		RunResult healthy = new RunResult("healthy", Mode.NAIVE, false, 80, 8.0, 5, 5, 5, 5, 1, 0, null, null, null,
				null, null, new Threads(3, 10, 0));

		String page = MarkdownReport.render(MACHINE, "quick", List.of("search hanging", "search hanging", "healthy"),
				List.of(guarded, naive, healthy), "Notes.");

		assertThat(page).contains(
				"| search hanging | guarded | 1234 | 206 | 3.21 | 12.5 | 1004 | 1180 | 100.0 % | 75.0 % | 3.50 | 1002 | 2.50 | 1.25 s | 10.40 s | 9 |")
			.contains(
					"| search hanging | naive | 80 | 8.00 | 5000 | 5000 | 5000 | 5001 | 10.0 % | 0.0 % | 4.00 | 5000 | - | never | never | 200 (7/20 polls unanswered) |")
			.contains(
					"| healthy | naive | 80 | 8.00 | 5.00 | 5.00 | 5.00 | 5.00 | 100.0 % | 0.0 % | - | - | - | - | - | 3 |")
			.endsWith("Notes.");
	}

	@Test
	void rendersWhatBecameOfTheViewsAndWhetherEachReachedTheDatabaseOnce() {
		RunResult recorded = new RunResult("product-views", Mode.GUARDED, false, 3000, 500, 10, 20, 30.5, 80, 1, 0,
				null, null, null, null, null, new Threads(9, 12, 0));
		RunResult baseline = new RunResult("product-no-views", Mode.GUARDED, false, 3100, 516, 10, 20, 29.5, 75, 1, 0,
				null, null, null, null, null, new Threads(9, 12, 0));
		RunResult stopped = new RunResult("database-stopped", Mode.GUARDED, true, 4000, 400, 12, 25, 40, 300, 1, 0,
				null, null, null, null, null, new Threads(9, 12, 0));
		RunResult lost = new RunResult("database-stopped", Mode.NAIVE, true, 4000, 400, 12, 25, 40, 300, 1, 0, null,
				null, null, null, null, new Threads(9, 12, 0));

		Map<String, Double> stoppedAnswers = new LinkedHashMap<>();
		stoppedAnswers.put("live", 0.85);
		stoppedAnswers.put("timeout", 0.15);

		String table = MarkdownReport.views(List.of(
				new MarkdownReport.ViewRow("views recorded", recorded, Map.of("live", 1.0),
						new ViewAudit.Views(3000, 3000, 0, 0, 0, 0, 1200L)),
				new MarkdownReport.ViewRow("views not recorded", baseline, Map.of("live", 1.0), null),
				new MarkdownReport.ViewRow("database stopped", stopped, stoppedAnswers,
						new ViewAudit.Views(4000, 4000, 1500, 0, 0, 1500, 6400L)),
				new MarkdownReport.ViewRow("database stopped", lost, Map.of("live", 1.0),
						new ViewAudit.Views(4000, 3990, 1500, 0, 10, 1500, null))));

		assertThat(table).contains(
				"| views recorded | guarded | 500 | 10.0 | 30.5 | 80.0 | 100.0 % | live 100.0 % | 3000 | 3000 (each once) "
						+ "| 0 | 0 | 0 | 1.2 s after the load |")
			.contains(
					"| views not recorded | guarded | 516 | 10.0 | 29.5 | 75.0 | 100.0 % | live 100.0 % | - | - | - | - | - | - |")
			.contains(
					"| database stopped | guarded | 400 | 12.0 | 40.0 | 300 | 100.0 % | live 85.0 %, timeout 15.0 % | 4000 | 4000 (each once) "
							+ "| 1500 | 0 | 1500 | 6.4 s after the fault |")
			.contains("| database stopped | naive | 400 | 12.0 | 40.0 | 300 | 100.0 % | live 100.0 % | 4000 | 3990 "
					+ "| 1500 | 0 | 1500 | **no**: 10 still waiting |");
		assertThat(MarkdownReport.views(List.of())).isEmpty();
	}

	@Test
	void rendersALoadRowWithItsShareOfTheStorefrontsCapacity() {
		LoadResult overload = new LoadResult("overload-25x", Mode.GUARDED, 200, 0, 420.4, 1.0, 612.3,
				Map.of("live", 0.25), true, null, new CpuShares(0.31, 0.42, 0.18, 0.97));
		LoadResult storm = new LoadResult("retry-storm-20", Mode.NAIVE, 8, 0, 391, 1.0, 20.5, Map.of("live", 0.8),
				false, 1.0, new CpuShares(0.1, 0.2, 0.1, 0.5));
		Map<Mode, Capacity> capacity = Map.of(Mode.GUARDED, new Capacity(8, 500, 0.36, true), Mode.NAIVE,
				Capacity.assumed(8));

		String table = MarkdownReport.loads("Overload", List.of("overload, 25x", "retry storm, 20 %"),
				List.of(overload, storm), capacity, false);

		assertThat(table).startsWith("## Overload\n\n")
			.contains(
					"| overload, 25x | guarded | 200 | 420 | 84.1 % | 100.0 % | 612 | live 25.0 % | **yes** | - | 31 / 42 / 18 / 6 % |")
			.contains(
					"| retry storm, 20 % | naive | 8 | 391 | - | 100.0 % | 20.5 | live 80.0 % | no | 1.000 | 10 / 20 / 10 / 10 % |");
	}

	@Test
	void givesTheShareOfCapacityPerUnitOfSearchCpuWhenAsked() {
		// 420.4 live/s on 18 % of the CPUs against 500 on 36 %: twice as much per CPU.
		LoadResult overload = new LoadResult("overload-25x", Mode.GUARDED, 200, 0, 420.4, 1.0, 612.3,
				Map.of("live", 0.25), false, null, new CpuShares(0.31, 0.42, 0.18, 0.97));
		Map<Mode, Capacity> capacity = Map.of(Mode.GUARDED, new Capacity(8, 500, 0.36, true));

		String table = MarkdownReport.loads("Overload", List.of("overload, 25x"), List.of(overload), capacity, true);

		assertThat(table).contains("| of capacity | of capacity, per search CPU | 2xx |")
			.contains("|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|---|")
			.contains(
					"| overload, 25x | guarded | 200 | 420 | 84.1 % | 168.2 % | 100.0 % | 612 | live 25.0 % | no | - |");
	}

	@Test
	void rendersNoLoadTableWithoutRows() {
		assertThat(MarkdownReport.loads("Retry storm", List.of(), List.of(), Map.of(), false)).isEmpty();
	}

}
