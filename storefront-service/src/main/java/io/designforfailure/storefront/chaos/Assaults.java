package io.designforfailure.storefront.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.designforfailure.web.FieldProblem;

/**
 * The body Chaos Monkey's {@code /actuator/chaosmonkey/assaults} endpoint takes; it
 * changes only the fields that are present.
 *
 * @param level how many calls are attacked: 1 means every one
 * @param latencyActive whether calls are delayed
 * @param latencyRangeStart the shortest delay in milliseconds
 * @param latencyRangeEnd the longest delay in milliseconds
 * @param exceptionsActive whether calls throw
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Assaults(Integer level, Boolean latencyActive, Integer latencyRangeStart, Integer latencyRangeEnd,
		Boolean exceptionsActive) {

	/**
	 * Long enough to trip every timeout the storefront has, short enough to recover from.
	 */
	static final int MAX_LATENCY_MS = 30_000;

	/**
	 * The assaults for a console request; one mode at a time, so each switches the other
	 * off.
	 */
	static Assaults of(ChaosRequest request) {
		String mode = request.mode();
		if (mode == null) {
			throw FieldProblem.badRequest("mode", "Field 'mode' is required: latency, errors or off");
		}
		if (!"latency".equals(mode) && request.latencyMs() != null) {
			throw FieldProblem.badRequest("latencyMs", "Field 'latencyMs' applies only to mode 'latency'");
		}
		return switch (mode) {
			case "latency" -> latency(request.latencyMs());
			case "errors" -> new Assaults(1, false, null, null, true);
			case "off" -> new Assaults(null, false, null, null, false);
			default -> throw FieldProblem.badRequest("mode", "Field 'mode' must be latency, errors or off");
		};
	}

	private static Assaults latency(Integer latencyMs) {
		if (latencyMs == null || latencyMs < 1 || latencyMs > MAX_LATENCY_MS) {
			throw FieldProblem.badRequest("latencyMs",
					"Field 'latencyMs' must be a number of milliseconds from 1 to " + MAX_LATENCY_MS);
		}
		return new Assaults(1, true, latencyMs, latencyMs, false);
	}

}
