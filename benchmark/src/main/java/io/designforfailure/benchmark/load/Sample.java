package io.designforfailure.benchmark.load;

/**
 * One request as its user saw it.
 *
 * @param startMillis when it was sent, in milliseconds since the run began
 * @param latencyMicros how long until the answer, or until the user gave up
 * @param outcome what came back
 */
public record Sample(long startMillis, long latencyMicros, Outcome outcome) {
}
