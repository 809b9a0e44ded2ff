package io.designforfailure.benchmark.load;

/**
 * What a user got: a live answer, a degraded but usable one, or no usable answer at all.
 */
public enum Outcome {

	LIVE, DEGRADED, FAILED;

	/**
	 * Classifies one storefront answer; every storefront section says whether it is
	 * degraded.
	 */
	public static Outcome of(int status, String body) {
		if (status < 200 || status >= 300) {
			return FAILED;
		}
		return body.contains("\"degraded\":true") ? DEGRADED : LIVE;
	}

}
