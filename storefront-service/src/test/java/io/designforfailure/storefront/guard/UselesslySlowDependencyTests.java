package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search that answers, but only after four attempt timeouts, stops costing requests
 * within a second: the adaptive concurrency limit sends it a couple of attempts at a time
 * and answers the rest at once, long before the breaker's window of 5 s has seen enough
 * (BreakerWindowTests). The breaker is kept from judging here, so that only the limit
 * acts.
 */
@TestPropertySource(properties = "resilience4j.circuitbreaker.instances.search.minimum-number-of-calls=1000000")
class UselesslySlowDependencyTests extends WireMockTestSupport {

	private static final int USERS = 20;

	@Test
	void sendsAUselesslySlowSearchACoupleOfAttemptsAtATime() {
		stubSearch(searchResults("slow").withFixedDelay(1_000));
		// The first twenty attempts time out, each a drop that lowers the limit.
		fetchAtOnce(searches("first"));
		int before = requestsTo(search, SEARCH_PATH);

		List<StorefrontAnswer> answers = fetchAtOnce(searches("then"));

		// Two in flight at a time, each call at most three attempts: six requests, not
		// twenty; a user whose request arrives while another's retry backs off may take
		// its slot, so a few more on a busy machine.
		assertThat(requestsTo(search, SEARCH_PATH) - before).isLessThanOrEqualTo(10);
		List<StorefrontAnswer> refused = answers.stream()
			.filter((answer) -> "bulkhead-full".equals(answer.read("$.results.reason")))
			.toList();
		assertThat(refused).hasSizeGreaterThanOrEqualTo(USERS - 10);
		assertThat(refused).allSatisfy((answer) -> assertThat(answer.elapsed()).isLessThan(Duration.ofMillis(500)));
	}

	@Test
	void letsEveryoneThroughAgainOnceSearchAnswers() {
		stubSearch(searchResults("slow").withFixedDelay(1_000));
		fetchAtOnce(searches("hang"));
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
