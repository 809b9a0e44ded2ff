package io.designforfailure.benchmark.observe;

/**
 * A breaker seen in a new state.
 *
 * @param atMillis when the poll saw it, in milliseconds since the run began
 * @param dependency the breaker's name
 * @param state CLOSED, OPEN, HALF_OPEN, ...
 */
public record Transition(long atMillis, String dependency, String state) {
}
