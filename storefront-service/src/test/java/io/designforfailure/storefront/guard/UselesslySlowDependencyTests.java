package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A search that answers, but only after four attempt timeouts, stops costing requests
 * within seconds: its timed-out attempts fill the breaker's window, it opens, and the
 * answers come from the cache at once. Meanwhile no answer waits longer than the 1 s
 * budget, and at most the bulkhead's 50 calls wait on search.
 */
class UselesslySlowDependencyTests extends WireMockTestSupport {

	private static final int USERS = 8;

	@Test
	void opensTheBreakerWithinItsWindowAndThenAnswersAtOnce() {
		stubSearch(searchResults("slow").withFixedDelay(1_000));

		await("the search breaker open").atMost(Duration.ofSeconds(10))
			.until(() -> fetchAtOnce(searches()).stream()
				.allMatch((answer) -> answer.elapsed().compareTo(Duration.ofMillis(1_500)) < 0)
					&& this.circuitBreakers.circuitBreaker("search").getState() == CircuitBreaker.State.OPEN);
		int before = requestsTo(search, SEARCH_PATH);

		List<StorefrontAnswer> answers = fetchAtOnce(searches());

		assertThat(requestsTo(search, SEARCH_PATH)).as("no call reaches search").isEqualTo(before);
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.section("results")).hasReason("circuit-open");
			assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(500));
		});
	}

	private static List<String> searches() {
		return IntStream.range(0, USERS).mapToObj((i) -> "/api/search?q=slow-" + i).toList();
	}

}
