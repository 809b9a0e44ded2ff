package io.designforfailure.benchmark.load;

/**
 * What a user got: a live answer, a degraded but usable one, or no usable answer at all.
 */
public enum Outcome {

	LIVE, DEGRADED, FAILED;

	private static final String REASON = "\"reason\":\"";

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

	/**
	 * The first {@code reason} a section of the answer gives, or null when none does (a
	 * live section's reason is JSON {@code null}). A string search rather than a parse:
	 * at a few thousand answers a second the load generator's CPU is the machine's, and
	 * the storefront writes its JSON compactly.
	 */
	public static String reason(String body) {
		int at = body.indexOf(REASON);
		if (at < 0) {
			return null;
		}
		int start = at + REASON.length();
		int end = body.indexOf('"', start);
		return (end > start) ? body.substring(start, end) : null;
	}

}
