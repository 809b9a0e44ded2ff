package io.designforfailure.systemtests;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A Prometheus text scrape, read the way Prometheus reads it: one sample per line. */
record Scrape(String text) {

	private static final Pattern NAME = Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*");

	/**
	 * Every metric name with at least one sample, e.g. {@code storefront_views_total}.
	 */
	Set<String> names() {
		return this.text.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map(NAME::matcher)
			.filter(Matcher::find)
			.map(Matcher::group)
			.collect(Collectors.toSet());
	}

	/**
	 * The sum of the samples of {@code name} whose labels include {@code label} (e.g.
	 * {@code outcome="delivered"}); 0 when there are none yet.
	 */
	double sum(String name, String label) {
		return this.text.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> label.isEmpty() || line.contains(label))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
