package io.designforfailure.systemtests;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP answer as a client saw it: status, parsed JSON body (a missing node when not
 * JSON) and how long it took.
 */
record Answer(int status, JsonNode body, Duration took) {

	/**
	 * The section at {@code path}, e.g. {@code "recommendations"} or {@code "results"}.
	 */
	JsonNode section(String path) {
		return this.body.path(path);
	}

}
