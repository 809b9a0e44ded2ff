package io.designforfailure.benchmark.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.observe.CpuShares;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatabilityReportTests {

	private static final CpuShares CPU = new CpuShares(0.2, 0.3, 0.45, 0.96);

	@Test
	void countsTheRunsThatMetEachTargetAndMarksThoseThatMissed() {
		Capacity capacity = new Capacity(16, 1_000, 0.45, true);
		List<RepeatabilityReport.Row> rows = List.of(
				new RepeatabilityReport.Row(1, true, capacity, overload(900, 300), false),
				new RepeatabilityReport.Row(2, true, capacity, overload(700, 1_200), true),
				new RepeatabilityReport.Row(1, false, capacity, overload(500, 400), false));

		String page = RepeatabilityReport.render(Machine.now("0.10 0.20 0.30").after("0.40 0.50 0.60"),
				"search-service on CPU 1", 25, rows, "How it was measured.\n");

		assertThat(page).contains("## Search pinned to a core of its own")
			.contains("The search breaker never opened: 1 of 2 runs. Live goodput at 25x the users at least 80 % of"
					+ " the same run's capacity: 1 of 2 (70.0-90.0 %). p99 at 25x within the 1 s budget: 1 of 2"
					+ " (at most 1200 ms).")
			.contains("| 2 | 16 | 1000 | 400 | 700 | **70.0 %** | 1200 | 100.0 % | live 70.0 % | **yes** |")
			.contains("## Every process on every core")
			.contains("- Pinning: search-service on CPU 1")
			.endsWith("How it was measured.\n");
	}

	private static LoadResult overload(double live, double p99) {
		return new LoadResult("overload-pinned-25x", Mode.GUARDED, 400, 0, live, 1.0, p99, Map.of("live", live / 1_000),
				false, null, CPU);
	}

}
