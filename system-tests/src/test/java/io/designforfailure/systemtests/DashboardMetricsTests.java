package io.designforfailure.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard queries only metric names the real services export, so no panel
 * goes blank after a library renames a metric. Same rules as
 * docker/check-dashboard-metrics.sh, without needing Python.
 */
@SystemUnderTest
class DashboardMetricsTests {

	/** Words in PromQL that look like metric names but are not. */
	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "offset", "and", "or", "unless", "atan2", "inf", "nan");

	/** Made by Prometheus itself for every target, never scraped. */
	private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

	private static final Pattern NAME = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	@Test
	void everyMetricTheDashboardQueriesIsExportedByTheRunningServices(RunningSystem system) throws IOException {
		Set<String> queried = queriedMetricNames(system.root().resolve("docker/grafana/dashboards"));
		assertThat(queried).as("metric names in the dashboards").isNotEmpty();

		// Some series exist only once something happened: a section served, a view sent.
		system.storefront("/api/home?userId=u-metrics");
		system.storefront("/api/search?q=running%20shoes");
		system.storefront("/api/products/p-0001?userId=u-metrics");
		system.storefront("/api/resilience");
		await("every queried metric exported").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				Set<String> exported = new HashSet<>(MADE_BY_PROMETHEUS);
				for (Service service : Service.values()) {
					exported.addAll(new Scrape(system.scrape(service)).names());
				}
				assertThat(exported).as("metric names exported by the three services").containsAll(queried);
			});
	}

	private static Set<String> queriedMetricNames(Path dashboards) throws IOException {
		ObjectMapper json = new ObjectMapper();
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(dashboards)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				for (JsonNode expr : json.readTree(file.toFile()).findValues("expr")) {
					names.addAll(metricNames(expr.asText()));
				}
			}
		}
		return names;
	}

	/** The metric names a PromQL expression selects. */
	static Set<String> metricNames(String expr) {
		Set<String> names = new HashSet<>();
		Matcher byName = Pattern.compile("__name__\\s*=\\s*\"([^\"]+)\"").matcher(expr);
		while (byName.find()) {
			names.add(byName.group(1));
		}
		String selectors = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^\\]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Matcher candidate = NAME.matcher(selectors);
		while (candidate.find()) {
			boolean isCall = candidate.group(2) != null;
			if (!isCall && !KEYWORDS.contains(candidate.group(1).toLowerCase(Locale.ROOT))) {
				names.add(candidate.group(1));
			}
		}
		return names;
	}

}
