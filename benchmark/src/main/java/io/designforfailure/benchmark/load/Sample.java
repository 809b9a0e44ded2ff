package io.designforfailure.benchmark.load;

/**
 * One request as its user saw it.
 *
 * @param startMillis when it was sent, in milliseconds since the run began
 * @param latencyMicros how long until the answer, or until the user gave up
 * @param outcome what came back
 * @param reason the {@code reason} of the answer's degraded section ({@code overloaded},
 * {@code bulkhead-full} ...), or null when it was live or not a 2xx
 */
public record Sample(long startMillis, long latencyMicros, Outcome outcome, String reason) {

	/** A sample whose degraded section, if any, gave no reason. */
	public Sample(long startMillis, long latencyMicros, Outcome outcome) {
		this(startMillis, latencyMicros, outcome, null);
	}

}
