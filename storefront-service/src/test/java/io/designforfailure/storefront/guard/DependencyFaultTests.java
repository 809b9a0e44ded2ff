package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.util.Arrays;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a dependency does, the storefront answers 200 with a degraded section that
 * says why, within the 1 s budget plus a generous margin for a busy machine.
 */
class DependencyFaultTests extends WireMockTestSupport {

	private static final Duration WITHIN_BUDGET = Duration.ofMillis(1500);

	@Test
	void answersWithTheGenericListWhenRecommendationsHangs() {
		stubRecommendations(popularRecommendations().withFixedDelay(5_000));

		StorefrontAnswer home = fetch("/api/home?userId=ada");

		assertDegraded(home, "recommendations", "fallback", "timeout");
		assertThat(home.section("recommendations")).items().isNotEmpty();
		assertThat(home.section("recommendations"))
			.hasAttempts(timeouts(requestsTo(recommendations, RECOMMENDATIONS_PATH)));
	}

	@Test
	void timesOutASearchThatDripsItsBodyOneChunkAtATime() {
		// A chunk every 10 ms: every read succeeds long before the per-read socket
		// timeout,
		// so only the timer on the whole exchange can cut this answer short.
		stubSearch(searchResults("drip").withChunkedDribbleDelay(400, 4_000));

		StorefrontAnswer answer = fetch("/api/search?q=drip");

		assertDegraded(answer, "results", "fallback", "timeout");
		assertThat(answer.section("results")).hasAttempts(timeouts(requestsTo(search, SEARCH_PATH)));
	}

	@Test
	void answersWhenTheConnectionIsReset() {
		stubSearch(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		StorefrontAnswer answer = fetch("/api/search?q=reset");

		assertDegraded(answer, "results", "fallback", "unavailable");
		assertThat(answer.section("results")).hasAttempts("unavailable", "unavailable", "unavailable");
	}

	@Test
	void answersWhenTheDependencyClosesWithoutAResponse() {
		stubSearch(aResponse().withFault(Fault.EMPTY_RESPONSE));

		assertDegraded(fetch("/api/search?q=empty"), "results", "fallback", "unavailable");
	}

	@Test
	void answersWhenAChunkIsMalformed() {
		stubSearch(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

		assertDegraded(fetch("/api/search?q=chunk"), "results", "fallback", "error");
	}

	@Test
	void answersWhenTheDependencySendsRandomDataThenCloses() {
		stubSearch(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

		// HttpClient cannot tell garbage from no status line at all: both are "no
		// response".
		assertDegraded(fetch("/api/search?q=garbage"), "results", "fallback", "unavailable");
	}

	@Test
	void answersWhenTheBodyIsNotJson() {
		stubSearch(okJson("{\"query\":\"x\",\"items\":[{\"id\":"));

		StorefrontAnswer answer = fetch("/api/search?q=malformed");

		assertDegraded(answer, "results", "fallback", "error");
		assertThat(requestsTo(search, SEARCH_PATH)).as("a malformed answer is not retried").isEqualTo(1);
		assertThat(answer.section("results")).hasAttempts("error");
	}

	@Test
	void answersWhenTheBodyHasTheWrongShape() {
		stubSearch(okJson("{\"query\":\"x\",\"total\":1,\"hits\":[]}"));

		assertDegraded(fetch("/api/search?q=shape"), "results", "fallback", "error");
	}

	@Test
	void answersWhenTheDependencySendsAnHtmlErrorPage() {
		stubSearch(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>Bad Gateway</h1></body></html>"));

		assertDegraded(fetch("/api/search?q=html"), "results", "fallback", "error");
	}

	@Test
	void answersWhenTheDependencyFailsWithAServerError() {
		stubRecommendations(status(500));

		StorefrontAnswer home = fetch("/api/home?userId=ada");

		assertDegraded(home, "recommendations", "fallback", "error");
		assertThat(requestsTo(recommendations, RECOMMENDATIONS_PATH)).as("a 500 is a bug, not retried").isEqualTo(1);
		assertThat(home.section("recommendations")).hasAttempts("error");
	}

	/**
	 * As many timeouts as requests reached the dependency: three when the machine is
	 * quick, fewer when a busy one left no room in the budget for the last.
	 */
	private static String[] timeouts(int requests) {
		assertThat(requests).isBetween(1, 3);
		String[] outcomes = new String[requests];
		Arrays.fill(outcomes, "timeout");
		return outcomes;
	}

	private static void assertDegraded(StorefrontAnswer answer, String section, String source, String reason) {
		assertThat(answer.status()).isEqualTo(HttpStatus.OK);
		assertThat(answer.elapsed()).isLessThan(WITHIN_BUDGET);
		assertThat(answer.section(section)).isDegraded(source, reason);
	}

}
