package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import brave.Span;
import brave.handler.MutableSpan;
import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story of a call is told three ways from the one record the guard keeps: the
 * section's attempts, the Server-Timing header and the trace, whose id the answer names
 * and the dependency receives as W3C traceparent.
 */
class CallStoryTests extends WireMockTestSupport {

	private static final String TRACE_ID = "[0-9a-f]{32}";

	@Test
	void theDependencyContinuesTheTraceTheAnswerNames() {
		stubSearch(searchResults("trace"));

		StorefrontAnswer answer = fetch("/api/search?q=trace");

		assertThat(answer.traceId()).matches(TRACE_ID);
		assertThat(search.getAllServeEvents()).singleElement()
			.extracting((event) -> event.getRequest().getHeader("traceparent"))
			.asString()
			.matches("00-" + answer.traceId() + "-[0-9a-f]{16}-01");
	}

	@Test
	void everyAnswerNamesItsTraceEvenWithoutCallingADependency() {
		assertThat(fetch("/api/search?q=").traceId()).as("a rejected request").matches(TRACE_ID);
		assertThat(fetch("/api/resilience").traceId()).matches(TRACE_ID);
	}

	@Test
	void serverTimingTellsTheTimeAndTheAttemptsOfEachDependencyCalled() {
		stubSearchFailingTwiceThenAnswering("flaky");

		StorefrontAnswer answer = fetch("/api/search?q=flaky");

		assertThat(answer.headers().getFirst("Server-Timing")).matches("search;dur=\\d+;desc=\"3 attempts\"");
	}

	@Test
	void theTraceHasAChildSpanPerAttemptUnderTheCallsSpanEachWithOneClientSpan() {
		stubSearchFailingTwiceThenAnswering("flaky");

		StorefrontAnswer answer = fetch("/api/search?q=flaky");

		List<MutableSpan> trace = finishedTrace(answer);
		MutableSpan call = single(trace, (span) -> "search read".equals(span.name()));
		List<MutableSpan> attempts = childrenOf(trace, call).stream()
			.sorted(Comparator.comparing((MutableSpan span) -> span.tag("attempt")))
			.toList();
		assertThat(attempts).extracting((span) -> span.tag("attempt")).containsExactly("1", "2", "3");
		assertThat(attempts).extracting((span) -> span.tag("outcome"))
			.containsExactlyElementsOf(assertThat(answer.section("results")).attemptOutcomes());
		assertThat(attempts).allSatisfy((attempt) -> assertThat(childrenOf(trace, attempt)).singleElement()
			.extracting(MutableSpan::kind)
			.isEqualTo(Span.Kind.CLIENT));
		// The test's own request is the trace's root client span; the storefront's are
		// those under it.
		assertThat(trace).filteredOn((span) -> span.kind() == Span.Kind.CLIENT && span.parentId() != null)
			.hasSize(requestsTo(search, SEARCH_PATH));
		assertThat(events(call)).filteredOn((event) -> event.startsWith("backoff")).hasSize(2);
		assertThat(call.tag("outcome")).isEqualTo("ok");
	}

	@Test
	void aRefusedCallHasASpanThatSaysWhyAndNoAttempt() {
		this.circuitBreakers.circuitBreaker("search").transitionToForcedOpenState();

		StorefrontAnswer answer = fetch("/api/search?q=refused");

		assertThat(answer.section("results")).hasReason("circuit-open").hasNoAttempts();
		List<MutableSpan> trace = finishedTrace(answer);
		MutableSpan call = single(trace, (span) -> "search read".equals(span.name()));
		assertThat(childrenOf(trace, call)).isEmpty();
		assertThat(events(call)).singleElement().asString().startsWith("circuit-open");
		assertThat(call.tag("outcome")).isEqualTo("circuit-open");
		assertThat(answer.headers().getFirst("Server-Timing")).matches("search;dur=\\d+;desc=\"0 attempts\"");
	}

	@Test
	void theConsoleListsTheLatestDegradedAnswersWithTheirAttemptsAndTrace() {
		stubSearch(status(503));

		StorefrontAnswer answer = fetch("/api/search?q=degraded");

		StorefrontAnswer report = fetch("/api/resilience");
		assertThat(report).extractingPath("$.degraded[0].traceId").asString().isEqualTo(answer.traceId());
		assertThat(report).extractingPath("$.degraded[0].dependency").asString().isEqualTo("search");
		assertThat(report).extractingPath("$.degraded[0].reason").asString().isEqualTo("error");
		assertThat(report).extractingPath("$.degraded[0].source").asString().isEqualTo("fallback");
		assertThat(report).extractingPath("$.degraded[0].attempts[*].outcome")
			.asArray()
			.containsExactly("error", "error", "error");
	}

	private List<MutableSpan> finishedTrace(StorefrontAnswer answer) {
		// The server span ends just after the answer is written.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.spans.inTrace(answer.traceId())
				.stream()
				.anyMatch((span) -> span.kind() == Span.Kind.SERVER));
		return this.spans.inTrace(answer.traceId());
	}

	private static MutableSpan single(List<MutableSpan> trace, Predicate<MutableSpan> which) {
		List<MutableSpan> found = trace.stream().filter(which).toList();
		assertThat(found).as("in %s", trace).hasSize(1);
		return found.get(0);
	}

	private static List<MutableSpan> childrenOf(List<MutableSpan> trace, MutableSpan parent) {
		return trace.stream().filter((span) -> parent.id().equals(span.parentId())).toList();
	}

	private static List<String> events(MutableSpan span) {
		return span.annotations().stream().map(Map.Entry::getValue).toList();
	}

}
