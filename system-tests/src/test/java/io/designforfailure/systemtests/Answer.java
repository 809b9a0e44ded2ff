package io.designforfailure.systemtests;

import java.net.http.HttpHeaders;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP answer as a client saw it: status, parsed JSON body (a missing node when not
 * JSON), how long it took and its headers.
 */
record Answer(int status, JsonNode body, Duration took, HttpHeaders headers) {

	/** The trace the storefront made this answer in: its {@code X-Trace-Id}. */
	String traceId() {
		return this.headers.firstValue("X-Trace-Id").orElse(null);
	}

	/**
	 * The section at {@code path}, e.g. {@code "recommendations"} or {@code "results"}.
	 */
	JsonNode section(String path) {
		return this.body.path(path);
	}

}
