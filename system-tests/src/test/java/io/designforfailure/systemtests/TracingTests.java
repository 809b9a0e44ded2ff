package io.designforfailure.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One product page is one trace through the real services and the database, fetched back
 * through the real Zipkin's API: its spans come from all three services, the view the
 * page recorded shows its INSERT, and the storefront's client spans to search are exactly
 * the attempts the product section tells.
 */
@SystemUnderTest
class TracingTests {

	/**
	 * Each service sends its spans within about a second; a busy machine takes longer.
	 */
	private static final Duration EXPORT_LIMIT = Duration.ofSeconds(30);

	@Test
	void aProductPageIsOneTraceThroughEveryServiceAndTheDatabase(RunningSystem system) {
		// About one search in two is slow: the attempt is cut at 250 ms and tried again.
		system.latency(Service.SEARCH, 600, 2);
		Answer page = null;
		for (int i = 0; i < 6 && (page == null || attempts(page) < 2); i++) {
			page = system.storefront("/api/products/p-0003?userId=u-traced-" + i);
		}
		String traceId = page.traceId();
		assertThat(traceId).matches("[0-9a-f]{32}");

		await("the page's trace in Zipkin").atMost(EXPORT_LIMIT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> services(spans(system, traceId))
				.containsAll(Set.of("storefront-service", "search-service", "recommendations-service"))
					&& spans(system, traceId).stream().anyMatch(TracingTests::insertsAView));

		List<JsonNode> spans = spans(system, traceId);
		Set<String> searchAttempts = spans.stream()
			.filter((span) -> "search attempt".equals(span.path("name").asText()))
			.map((span) -> span.path("id").asText())
			.collect(Collectors.toSet());
		List<JsonNode> searchClientSpans = spans.stream()
			.filter((span) -> "CLIENT".equals(span.path("kind").asText()))
			.filter((span) -> searchAttempts.contains(span.path("parentId").asText()))
			.toList();
		assertThat(attempts(page)).isPositive();
		assertThat(searchAttempts).hasSize(attempts(page));
		assertThat(searchClientSpans).hasSize(attempts(page));
	}

	private static int attempts(Answer page) {
		return page.section("product").path("attempts").size();
	}

	private static List<JsonNode> spans(RunningSystem system, String traceId) {
		Answer trace = system.traces("/api/v2/trace/" + traceId);
		List<JsonNode> spans = new ArrayList<>();
		if (trace.status() == 200) {
			trace.body().forEach(spans::add);
		}
		return spans;
	}

	private static Set<String> services(List<JsonNode> spans) {
		return spans.stream()
			.map((span) -> span.path("localEndpoint").path("serviceName").asText())
			.collect(Collectors.toSet());
	}

	private static boolean insertsAView(JsonNode span) {
		return span.path("tags").path("jdbc.query[0]").asText().toUpperCase().contains("INSERT INTO VIEW_EVENTS");
	}

}
