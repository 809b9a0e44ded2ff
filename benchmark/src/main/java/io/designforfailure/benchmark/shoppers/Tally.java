package io.designforfailure.benchmark.shoppers;

import java.util.concurrent.atomic.LongAdder;

import io.designforfailure.benchmark.load.Sample;

/**
 * Counts what the shoppers got since the last progress line, which says how much of the
 * storefront's answers were live and how much degraded.
 */
final class Tally {

	private final LongAdder live = new LongAdder();

	private final LongAdder degraded = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private long total;

	void add(Sample sample) {
		LongAdder counter = switch (sample.outcome()) {
			case LIVE -> this.live;
			case DEGRADED -> this.degraded;
			case FAILED -> this.failed;
		};
		counter.increment();
	}

	/** One progress line for the period since the last one, and starts a new period. */
	String progress(String period) {
		long live = this.live.sumThenReset();
		long degraded = this.degraded.sumThenReset();
		long failed = this.failed.sumThenReset();
		long requests = live + degraded + failed;
		this.total += requests;
		return String.format("shoppers: %d requests in the last %s: %s live, %s degraded, %s failed (%d in all)",
				requests, period, share(live, requests), share(degraded, requests), share(failed, requests),
				this.total);
	}

	private static String share(long part, long whole) {
		return (whole == 0) ? "-" : Math.round(100.0 * part / whole) + " %";
	}

}
