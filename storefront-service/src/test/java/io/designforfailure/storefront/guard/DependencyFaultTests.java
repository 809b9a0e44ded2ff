package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
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

		Timed home = timed("/api/home?userId=ada");

		assertDegraded(home, "fallback", "timeout");
		assertThat(home.body().get("recommendations").get("items")).isNotEmpty();
	}

	@Test
	void timesOutASearchThatDripsItsBodyOneChunkAtATime() {
		stubSearch(searchResults("drip").withChunkedDribbleDelay(40, 4_000));

		Timed result = timed("/api/search?q=drip");

		assertDegraded(result, "fallback", "timeout");
	}

	@Test
	void answersWhenTheConnectionIsReset() {
		stubSearch(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		assertDegraded(timed("/api/search?q=reset"), "fallback", "unavailable");
	}

	@Test
	void answersWhenTheDependencyClosesWithoutAResponse() {
		stubSearch(aResponse().withFault(Fault.EMPTY_RESPONSE));

		assertDegraded(timed("/api/search?q=empty"), "fallback", "unavailable");
	}

	@Test
	void answersWhenAChunkIsMalformed() {
		stubSearch(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

		assertDegraded(timed("/api/search?q=chunk"), "fallback", "error");
	}

	@Test
	void answersWhenTheDependencySendsRandomDataThenCloses() {
		stubSearch(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

		// HttpClient cannot tell garbage from no status line at all: both are "no
		// response".
		assertDegraded(timed("/api/search?q=garbage"), "fallback", "unavailable");
	}

	@Test
	void answersWhenTheBodyIsNotJson() {
		stubSearch(okJson("{\"query\":\"x\",\"items\":[{\"id\":"));

		assertDegraded(timed("/api/search?q=malformed"), "fallback", "error");
		assertThat(requestsTo(search, SEARCH_PATH)).as("a malformed answer is not retried").isEqualTo(1);
	}

	@Test
	void answersWhenTheBodyHasTheWrongShape() {
		stubSearch(okJson("{\"query\":\"x\",\"total\":1,\"hits\":[]}"));

		assertDegraded(timed("/api/search?q=shape"), "fallback", "error");
	}

	@Test
	void answersWhenTheDependencySendsAnHtmlErrorPage() {
		stubSearch(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>Bad Gateway</h1></body></html>"));

		assertDegraded(timed("/api/search?q=html"), "fallback", "error");
	}

	@Test
	void answersWhenTheDependencyFailsWithAServerError() {
		stubRecommendations(status(500));

		assertDegraded(timed("/api/home?userId=ada"), "fallback", "error");
		assertThat(requestsTo(recommendations, RECOMMENDATIONS_PATH)).as("a 500 is a bug, not retried").isEqualTo(1);
	}

	private static void assertDegraded(Timed answer, String source, String reason) {
		assertThat(answer.response().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.elapsed()).isLessThan(WITHIN_BUDGET);
		JsonNode section = answer.body().has("results") ? answer.body().get("results")
				: answer.body().get("recommendations");
		assertThat(section.get("source").asText()).isEqualTo(source);
		assertThat(section.get("degraded").asBoolean()).isTrue();
		assertThat(section.get("reason").asText()).isEqualTo(reason);
	}

}
