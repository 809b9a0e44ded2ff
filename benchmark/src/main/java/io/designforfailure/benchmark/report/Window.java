package io.designforfailure.benchmark.report;

/**
 * When a fault was on, in milliseconds since the run began.
 *
 * @param startMillis when it was done to the dependency
 * @param endMillis when it was undone (a restarted dependency: when it was healthy again)
 */
public record Window(long startMillis, long endMillis) {

	boolean contains(long millis) {
		return millis >= this.startMillis && millis < this.endMillis;
	}

}
