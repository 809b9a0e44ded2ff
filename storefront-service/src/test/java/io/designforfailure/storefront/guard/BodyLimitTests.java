package io.designforfailure.storefront.guard;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dependency cannot make the storefront read more than the body limit: a correct answer
 * that is only too big is cut off, whether its size is announced or it arrives chunked.
 * The timeouts are generous here so that only the limit can cut the answer short; without
 * the limit the same answer is served live.
 */
@TestPropertySource(properties = { "storefront.search.response-timeout=20s", "storefront.search.budget=30s" })
class BodyLimitTests extends WireMockTestSupport {

	/** About 1.3 MB of well-formed results, each item complete. */
	private static final String TOO_BIG = IntStream.range(0, 12_000)
		.mapToObj((
				i) -> "{\"id\":\"p-%04d\",\"name\":\"Trail Running Shoes %d\",\"category\":\"running\",\"price\":89.90,\"score\":1.0}"
					.formatted(i % 210 + 1, i))
		.collect(Collectors.joining(",", "{\"query\":\"big\",\"total\":12000,\"items\":[", "]}"));

	@Test
	void theAnswerIsWellFormedAndOnlyTooBig() {
		assertThat(TOO_BIG.length()).isBetween(1_100_000, 1_600_000);
	}

	@Test
	void cutsOffABodyThatAnnouncesMoreThanTheLimit() {
		stubSearch(okJson(TOO_BIG));

		assertThat(fetch("/api/search?q=announced").section("results")).isDegraded("fallback", "error");
		assertThat(requestsTo(search, SEARCH_PATH)).as("an oversized answer is not retried").isEqualTo(1);
	}

	@Test
	void cutsOffAChunkedBodyThatGrowsPastTheLimit() {
		stubSearch(okJson(TOO_BIG).withChunkedDribbleDelay(20, 200));

		assertThat(fetch("/api/search?q=chunked").section("results")).isDegraded("fallback", "error");
	}

}
