package io.designforfailure.benchmark.report;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.load.Outcome;
import io.designforfailure.benchmark.load.Sample;
import io.designforfailure.benchmark.observe.CpuShares;
import io.designforfailure.benchmark.observe.Threads;
import io.designforfailure.benchmark.observe.Transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

class AggregationTests {

	private static final Threads THREADS = new Threads(12, 20, 0);

	private static final CpuShares CPU = new CpuShares(0.3, 0.4, 0.2, 0.95);

	@Test
	void countsThroughputSharesAndPercentilesOverTheWholeRun() {
		List<Sample> samples = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			Outcome outcome = (i <= 90) ? Outcome.LIVE : (i <= 98) ? Outcome.DEGRADED : Outcome.FAILED;
			samples.add(new Sample(i * 10, i * 1000L, outcome));
		}
		RunResult result = Aggregation.summarize(run(samples, List.of(), List.of(), 2000));

		assertThat(result.requests()).isEqualTo(100);
		assertThat(result.throughput()).isEqualTo(50.0);
		assertThat(result.p50()).isCloseTo(50, within(0.1));
		assertThat(result.p99()).isCloseTo(99, within(0.1));
		assertThat(result.max()).isCloseTo(100, within(0.1));
		assertThat(result.ok()).isEqualTo(0.98);
		assertThat(result.degraded()).isEqualTo(0.08);
		assertThat(result.faulted()).isFalse();
		assertThat(result.p99Before()).isNull();
		assertThat(result.faultToOpen()).isNull();
	}

	@Test
	void splitsTheFaultByWhetherTheBreakerWasOpenAndTimesOpeningAndRecovery() {
		List<Sample> samples = List.of(new Sample(500, 5_000, Outcome.LIVE),
				new Sample(1_200, 1_000_000, Outcome.DEGRADED), new Sample(2_500, 3_000, Outcome.DEGRADED),
				new Sample(5_100, 400_000, Outcome.DEGRADED), new Sample(5_200, 8_000, Outcome.LIVE));
		List<Transition> transitions = List.of(new Transition(2_000, "search", "OPEN"),
				new Transition(4_000, "recommendations", "OPEN"), new Transition(5_150, "search", "HALF_OPEN"),
				new Transition(5_300, "search", "CLOSED"));

		RunResult result = Aggregation.summarize(run(samples, List.of(new Window(1_000, 5_000)), transitions, 6_000));

		assertThat(result.faulted()).isTrue();
		assertThat(result.p99Before()).isCloseTo(5, within(0.01));
		assertThat(result.p99FaultClosed()).isCloseTo(1000, within(1.0));
		assertThat(result.p99FaultOpen()).isCloseTo(3, within(0.01));
		assertThat(result.faultToOpen()).isEqualTo(1_000L);
		assertThat(result.endToLive()).isEqualTo(208L);
	}

	@Test
	void reportsNoOpeningAndNoRecoveryWhenTheyDidNotHappen() {
		List<Sample> samples = List.of(new Sample(1_500, 30_000_000, Outcome.FAILED));

		RunResult result = Aggregation.summarize(run(samples, List.of(new Window(1_000, 2_000)), List.of(), 3_000));

		assertThat(result.faultToOpen()).isNull();
		assertThat(result.endToLive()).isNull();
		assertThat(result.p99FaultOpen()).isNull();
		assertThat(result.p99FaultClosed()).isCloseTo(30_000, within(30.0));
	}

	@Test
	void bucketsOutcomesAndLatencyPerSecondSent() {
		List<Sample> samples = List.of(new Sample(100, 2_000, Outcome.LIVE), new Sample(900, 4_000, Outcome.DEGRADED),
				new Sample(2_100, 1_000, Outcome.FAILED));

		List<Second> timeline = Aggregation.timeline(samples, 2_500);

		assertThat(timeline).hasSize(3);
		assertThat(timeline.get(0)).extracting(Second::live, Second::degraded, Second::failed)
			.containsExactly(1L, 1L, 0L);
		assertThat(timeline.get(0).p99()).isCloseTo(4, within(0.01));
		assertThat(timeline.get(1).p99()).isNaN();
		assertThat(timeline.get(2).failed()).isEqualTo(1);
	}

	@Test
	void countsLiveGoodputAsLiveAnswersPerSecondAndSharesAnswersByReason() {
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			Outcome outcome = (i < 120) ? Outcome.LIVE : (i < 190) ? Outcome.DEGRADED : Outcome.FAILED;
			String reason = (i < 120 || i >= 190) ? null : (i < 170) ? "bulkhead-full" : "overloaded";
			samples.add(new Sample(i * 20, 1_000, outcome, reason));
		}

		LoadResult result = Aggregation
			.load(run(samples, List.of(), List.of(), 4_000, new RunData.Load(40, null, CPU)));

		assertThat(result.users()).isEqualTo(40);
		assertThat(result.liveGoodput()).isEqualTo(30.0);
		assertThat(result.ok()).isEqualTo(0.95);
		assertThat(result.answers()).containsExactly(entry("live", 0.6), entry("bulkhead-full", 0.25),
				entry("overloaded", 0.1), entry("non-2xx", 0.05));
		assertThat(result.callsPerRequest()).isNull();
		assertThat(result.breakerOpened()).isFalse();
		assertThat(result.cpu()).isEqualTo(CPU);
	}

	@Test
	void countsCallsReachingTheDependencyPerStorefrontRequest() {
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			samples.add(new Sample(i, 1_000, Outcome.LIVE));
		}

		LoadResult result = Aggregation.load(run(samples, List.of(), List.of(), 1_000, new RunData.Load(8, 452L, CPU)));

		assertThat(result.callsPerRequest()).isEqualTo(1.13);
	}

	@Test
	void countsARetryStormOverItsStormOnly() {
		List<Sample> samples = new ArrayList<>();
		// 2 s healthy, 2 s of storm with half the answers live, 1 s healthy after it.
		for (int ms = 0; ms < 5_000; ms += 10) {
			boolean storm = ms >= 2_000 && ms < 4_000;
			samples.add(new Sample(ms, 1_000, (storm && ms % 20 == 0) ? Outcome.DEGRADED : Outcome.LIVE,
					(storm && ms % 20 == 0) ? "error" : null));
		}

		LoadResult result = Aggregation
			.load(run(samples, List.of(new Window(2_000, 4_000)), List.of(), 5_000, new RunData.Load(8, 220L, CPU)));

		assertThat(result.liveGoodput()).isEqualTo(50.0);
		assertThat(result.answers()).containsExactly(entry("error", 0.5), entry("live", 0.5));
		assertThat(result.callsPerRequest()).isEqualTo(1.1);
	}

	@Test
	void namesAnArrivalTheOpenLoopCouldNotSendUnsent() {
		assertThat(Aggregation
			.answers(List.of(new Sample(0, 0, Outcome.FAILED, "unsent"), new Sample(1, 5_000_000, Outcome.FAILED))))
			.containsExactly(entry("non-2xx", 0.5), entry("unsent", 0.5));
	}

	@Test
	void seesTheBreakerOpenedOnlyWhenTheLoadedDependencysBreakerOpened() {
		List<Sample> samples = List.of(new Sample(100, 1_000, Outcome.LIVE));
		List<Transition> otherBreaker = List.of(new Transition(500, "recommendations", "OPEN"));
		List<Transition> ownBreaker = List.of(new Transition(500, "search", "OPEN"),
				new Transition(10_500, "search", "HALF_OPEN"));

		assertThat(Aggregation.load(run(samples, List.of(), otherBreaker, 12_000)).breakerOpened()).isFalse();
		assertThat(Aggregation.load(run(samples, List.of(), ownBreaker, 12_000)).breakerOpened()).isTrue();
	}

	@Test
	void namesADegradedAnswerWithoutAReasonDegraded() {
		assertThat(Aggregation.answers(List.of(new Sample(0, 1, Outcome.DEGRADED))))
			.containsExactly(entry("degraded", 1.0));
	}

	private static RunData run(List<Sample> samples, List<Window> windows, List<Transition> transitions,
			long durationMillis) {
		return run(samples, windows, transitions, durationMillis, new RunData.Load(8, null, CPU));
	}

	private static RunData run(List<Sample> samples, List<Window> windows, List<Transition> transitions,
			long durationMillis, RunData.Load load) {
		return new RunData("search-hanging", Mode.GUARDED, "search", durationMillis, samples, List.of(), windows,
				transitions, THREADS, load);
	}

}
