package io.designforfailure.benchmark.observe;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.designforfailure.launcher.ServiceProcess;

/**
 * Who said "overloaded", counted since each service started: the requests
 * recommendations-service shed, by kind of work, and the recommendations calls the
 * storefront met shed or held back itself. Two snapshots, one before a run and one after,
 * tell whether a degraded {@code overloaded} section came from the dependency's limit or
 * from the storefront's throttle.
 *
 * @param shedReads reads recommendations-service answered with 503 over its limit
 * @param shedWrites writes recommendations-service answered with 503 over its limit
 * @param shedAnswers recommendations attempts the storefront saw answered with a load
 * signal
 * @param throttledCalls recommendations attempts the storefront's throttle held back
 */
public record OverloadSignals(long shedReads, long shedWrites, long shedAnswers, long throttledCalls) {

	private static final String SHED = "http_requests_shed_total{";

	/** Both counts now; a service that does not answer within a second counts 0. */
	public static OverloadSignals now(ServiceProcess recommendations, ServiceProcess storefront) {
		String prometheus = StorefrontWatch.get(recommendations, "/actuator/prometheus").orElse("");
		JsonNode overload = StorefrontWatch.get(storefront, "/api/resilience")
			.map(OverloadSignals::tree)
			.orElseGet(StorefrontWatch.json::createObjectNode)
			.path("dependencies")
			.path("recommendations")
			.path("overload");
		return new OverloadSignals(shed(prometheus, "reads"), shed(prometheus, "writes"),
				overload.path("shedAnswers").asLong(), overload.path("throttledCalls").asLong());
	}

	/** What happened between an earlier snapshot and this one. */
	public OverloadSignals since(OverloadSignals before) {
		return new OverloadSignals(this.shedReads - before.shedReads, this.shedWrites - before.shedWrites,
				this.shedAnswers - before.shedAnswers, this.throttledCalls - before.throttledCalls);
	}

	static long shed(String prometheus, String work) {
		double total = 0;
		for (String line : prometheus.split("\n")) {
			if (line.startsWith(SHED) && line.contains("work=\"" + work + "\"")) {
				total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return (long) total;
	}

	private static JsonNode tree(String body) {
		try {
			return StorefrontWatch.json.readTree(body);
		}
		catch (IOException ex) {
			return StorefrontWatch.json.createObjectNode();
		}
	}

}
