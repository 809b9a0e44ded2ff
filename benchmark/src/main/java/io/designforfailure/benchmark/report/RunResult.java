package io.designforfailure.benchmark.report;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.observe.Threads;

/**
 * One row of the results: a scenario in one mode, summarized. Latencies in milliseconds;
 * a latency or time that could not be measured is null.
 *
 * @param scenario the scenario's id
 * @param mode guarded or naive
 * @param faulted whether a fault was done at all (not in the healthy scenario)
 * @param requests answers the measured users got (or gave up on)
 * @param throughput answers per second
 * @param p50 median latency
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max slowest
 * @param ok share of 2xx answers, 0-1
 * @param degraded share of 2xx answers that were degraded, of all answers, 0-1
 * @param p99Before p99 of requests sent before the fault, the same run's healthy baseline
 * @param p99FaultClosed p99 of requests sent during the fault while the breaker was not
 * open
 * @param p99FaultOpen p99 of requests sent during the fault while the breaker was open
 * @param faultToOpen from the fault's start to the breaker seen open
 * @param endToLive from the fault's end to the first live answer sent after it
 * @param threads the storefront's busy request threads
 */
public record RunResult(String scenario, Mode mode, boolean faulted, long requests, double throughput, double p50,
		double p95, double p99, double max, double ok, double degraded, Double p99Before, Double p99FaultClosed,
		Double p99FaultOpen, Long faultToOpen, Long endToLive, Threads threads) {
}
