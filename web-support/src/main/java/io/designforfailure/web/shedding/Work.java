package io.designforfailure.web.shedding;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The kinds of work a service limits separately. A read and a write take very different
 * times (a read from memory against a database commit), and an adaptive limit reads a
 * longer round trip as queueing: under one limit, slow writes would lower it for fast
 * reads and get them shed.
 */
enum Work {

	/** GET, HEAD and OPTIONS: safe methods, which change nothing. */
	READS,

	/** Every other method. */
	WRITES;

	static Work of(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS" -> READS;
			default -> WRITES;
		};
	}

	/** Its value of the metrics' {@code work} tag: {@code reads} or {@code writes}. */
	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
