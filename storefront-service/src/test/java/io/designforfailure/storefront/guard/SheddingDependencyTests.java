package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search that sheds every call is soon sent a couple of attempts at a time by the
 * adaptive concurrency limit, the rest answered at once, and everyone gets through again
 * once it answers. The adaptive throttle, which also holds calls back while a dependency
 * sheds, is off in these tests (WireMockTestSupport), so only the limit acts.
 */
class SheddingDependencyTests extends WireMockTestSupport {

	private static final int USERS = 20;

	@Test
	void sendsASearchThatShedsEverythingACoupleOfAttemptsAtATime() {
		// Shed after 100 ms, so that the users' attempts overlap; Retry-After: 1 does not
		// fit the budget, so each call makes one attempt.
		stubSearch(status(503).withHeader("Retry-After", "1").withFixedDelay(100));
		// The first twenty attempts are shed, each a drop that lowers the limit.
		fetchAtOnce(searches("first"));
		int before = requestsTo(search, SEARCH_PATH);

		List<StorefrontAnswer> answers = fetchAtOnce(searches("then"));

		// Two in flight at a time: a user whose request arrives once another's attempt
		// has ended may take its slot, so a few more than two on a busy machine, never
		// the twenty the bulkhead would let through.
		assertThat(requestsTo(search, SEARCH_PATH) - before).isLessThanOrEqualTo(10);
		List<StorefrontAnswer> refused = answers.stream()
			.filter((answer) -> "bulkhead-full".equals(answer.read("$.results.reason")))
			.toList();
		assertThat(refused).hasSizeGreaterThanOrEqualTo(USERS - 10);
		assertThat(refused).allSatisfy((answer) -> assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(500)));
	}

	@Test
	void letsEveryoneThroughAgainOnceSearchAnswers() {
		stubSearch(status(503).withHeader("Retry-After", "1").withFixedDelay(100));
		fetchAtOnce(searches("shed"));
		search.resetAll();
		stubSearch(searchResults("back").withFixedDelay(20));

		for (int round = 0; round < 10; round++) {
			fetchAtOnce(searches("round-" + round));
		}

		assertThat(fetchAtOnce(searches("last")))
			.allSatisfy((answer) -> assertThat(answer.section("results")).isLive());
	}

	private static List<String> searches(String prefix) {
		return IntStream.range(0, USERS).mapToObj((i) -> "/api/search?q=" + prefix + "-" + i).toList();
	}

}
