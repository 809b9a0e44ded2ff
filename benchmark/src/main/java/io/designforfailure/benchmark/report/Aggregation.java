package io.designforfailure.benchmark.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import io.designforfailure.benchmark.load.Outcome;
import io.designforfailure.benchmark.load.Sample;
import io.designforfailure.benchmark.observe.Transition;

/** Turns what a run saw into its row of numbers and its timeline. */
public final class Aggregation {

	/** Latencies up to an hour, three significant digits. */
	private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private Aggregation() {
	}

	public static RunResult summarize(RunData run) {
		List<Sample> samples = run.samples();
		Histogram all = histogram(samples, (sample) -> true);
		long ok = samples.stream().filter((sample) -> sample.outcome() != Outcome.FAILED).count();
		long degraded = samples.stream().filter((sample) -> sample.outcome() == Outcome.DEGRADED).count();
		double count = Math.max(1, samples.size());
		Predicate<Sample> inFault = (
				sample) -> run.windows().stream().anyMatch((window) -> window.contains(sample.startMillis()));
		Predicate<Sample> open = (sample) -> isOpen(run, sample.startMillis());
		Predicate<Sample> before = (sample) -> !run.windows().isEmpty()
				&& sample.startMillis() < run.windows().get(0).startMillis();
		return new RunResult(run.scenario(), run.mode(), !run.windows().isEmpty(), samples.size(),
				samples.size() * 1000.0 / Math.max(1, run.durationMillis()), millis(all, 50), millis(all, 95),
				millis(all, 99), max(all), ok / count, degraded / count, p99OrNull(histogram(samples, before)),
				p99OrNull(histogram(samples, inFault.and(open.negate()))),
				p99OrNull(histogram(samples, inFault.and(open))), faultToOpen(run), endToLive(run), run.threads());
	}

	/**
	 * What a load got live and what it cost: the figures of the overload and retry storm
	 * tables; a retry storm's counted over the storm only.
	 */
	public static LoadResult load(RunData run) {
		// A retry storm's figures are of its storm, not of the healthy moment before it.
		List<Sample> samples = run.windows().isEmpty() ? run.samples()
				: run.samples()
					.stream()
					.filter((sample) -> run.windows().get(0).contains(sample.startMillis()))
					.toList();
		long duration = run.windows().isEmpty() ? run.durationMillis()
				: run.windows().get(0).endMillis() - run.windows().get(0).startMillis();
		long live = samples.stream().filter((sample) -> sample.outcome() == Outcome.LIVE).count();
		long ok = samples.stream().filter((sample) -> sample.outcome() != Outcome.FAILED).count();
		Long calls = run.load().dependencyCalls();
		return new LoadResult(run.scenario(), run.mode(), run.load().users(), run.load().arrivalsPerSecond(),
				live * 1000.0 / Math.max(1, duration), ok / (double) Math.max(1, samples.size()),
				millis(histogram(samples, (sample) -> true), 99), answers(samples), breakerOpened(run),
				(calls != null) ? calls / (double) Math.max(1, samples.size()) : null, run.load().cpu());
	}

	/**
	 * Shares of the run's answers by what they were: live, the reason of a degraded
	 * section, or non-2xx; largest first.
	 */
	public static Map<String, Double> answers(RunData run) {
		return answers(run.samples());
	}

	static Map<String, Double> answers(List<Sample> samples) {
		Map<String, Long> counts = samples.stream()
			.collect(Collectors.groupingBy(Aggregation::kind, Collectors.counting()));
		double all = Math.max(1, samples.size());
		Map<String, Double> shares = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach((entry) -> shares.put(entry.getKey(), entry.getValue() / all));
		return shares;
	}

	/** Whether the watch saw the run's dependency's breaker open at any time. */
	static boolean breakerOpened(RunData run) {
		return run.transitions()
			.stream()
			.anyMatch((transition) -> transition.dependency().equals(run.dependency())
					&& (transition.state().equals("OPEN") || transition.state().equals("FORCED_OPEN")));
	}

	private static String kind(Sample sample) {
		return switch (sample.outcome()) {
			case LIVE -> "live";
			case FAILED -> (sample.reason() != null) ? sample.reason() : "non-2xx";
			case DEGRADED -> (sample.reason() != null) ? sample.reason() : "degraded";
		};
	}

	/**
	 * Per second of the run: outcomes by kind and the p99 latency of the requests sent in
	 * it.
	 */
	public static List<Second> timeline(List<Sample> samples, long durationMillis) {
		int seconds = (int) Math.max(1, (durationMillis + 999) / 1000);
		long[][] counts = new long[seconds][Outcome.values().length];
		Histogram[] latencies = new Histogram[seconds];
		for (Sample sample : samples) {
			int second = (int) Math.min(seconds - 1, sample.startMillis() / 1000);
			counts[second][sample.outcome().ordinal()]++;
			if (latencies[second] == null) {
				latencies[second] = new Histogram(HIGHEST_MICROS, 3);
			}
			latencies[second].recordValue(Math.min(HIGHEST_MICROS, sample.latencyMicros()));
		}
		List<Second> timeline = new ArrayList<>(seconds);
		for (int second = 0; second < seconds; second++) {
			long[] count = counts[second];
			timeline.add(new Second(second, count[Outcome.LIVE.ordinal()], count[Outcome.DEGRADED.ordinal()],
					count[Outcome.FAILED.ordinal()],
					(latencies[second] != null) ? millis(latencies[second], 99) : Double.NaN));
		}
		return timeline;
	}

	/**
	 * Whether the faulted dependency's breaker was open at a moment, as the watch last
	 * saw it.
	 */
	static boolean isOpen(RunData run, long millis) {
		String state = "CLOSED";
		for (Transition transition : run.transitions()) {
			if (transition.atMillis() > millis) {
				break;
			}
			if (transition.dependency().equals(run.dependency())) {
				state = transition.state();
			}
		}
		return state.equals("OPEN") || state.equals("FORCED_OPEN");
	}

	private static Long faultToOpen(RunData run) {
		if (run.windows().isEmpty()) {
			return null;
		}
		long start = run.windows().get(0).startMillis();
		return run.transitions()
			.stream()
			.filter((transition) -> transition.dependency().equals(run.dependency()))
			.filter((transition) -> transition.state().equals("OPEN") && transition.atMillis() >= start)
			.map((transition) -> transition.atMillis() - start)
			.findFirst()
			.orElse(null);
	}

	private static Long endToLive(RunData run) {
		if (run.windows().isEmpty()) {
			return null;
		}
		long end = run.windows().get(run.windows().size() - 1).endMillis();
		OptionalLong first = run.faultedSamples()
			.stream()
			.filter((sample) -> sample.outcome() == Outcome.LIVE && sample.startMillis() >= end)
			.mapToLong((sample) -> sample.startMillis() + sample.latencyMicros() / 1000 - end)
			.min();
		return first.isPresent() ? first.getAsLong() : null;
	}

	private static Histogram histogram(List<Sample> samples, Predicate<Sample> which) {
		Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
		samples.stream()
			.filter(which)
			.forEach((sample) -> histogram.recordValue(Math.min(HIGHEST_MICROS, sample.latencyMicros())));
		return histogram;
	}

	private static Double p99OrNull(Histogram histogram) {
		return (histogram.getTotalCount() > 0) ? millis(histogram, 99) : null;
	}

	private static double millis(Histogram histogram, double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	private static double max(Histogram histogram) {
		return histogram.getMaxValue() / 1000.0;
	}

}
