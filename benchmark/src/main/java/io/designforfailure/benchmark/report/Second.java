package io.designforfailure.benchmark.report;

/**
 * One second of a run, for the timeline.
 *
 * @param second seconds since the run began
 * @param live live answers to requests sent in it
 * @param degraded degraded answers
 * @param failed non-2xx answers and requests given up on
 * @param p99 99th percentile latency of its requests in milliseconds, or NaN when none
 */
public record Second(int second, long live, long degraded, long failed, double p99) {
}
