package io.designforfailure.benchmark.observe;

/**
 * The storefront's Tomcat request threads as its Prometheus endpoint reported them.
 *
 * @param peakBusy the most busy threads any answered poll saw
 * @param polls how many polls were sent
 * @param unanswered how many got no answer within a second: a saturated storefront cannot
 * answer its own metrics, so these count as busy beyond what was seen
 */
public record Threads(int peakBusy, int polls, int unanswered) {
}
