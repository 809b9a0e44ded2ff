package io.designforfailure.storefront;

import java.util.ArrayList;
import java.util.List;

import io.designforfailure.storefront.resilience.DependencyFailure;
import io.designforfailure.storefront.resilience.Reason;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backoff as configured in application.yml: with three attempts the cap is never
 * reached in a real call, so it is checked on the configured function itself.
 */
class BackoffTests extends WireMockTestSupport {

	@Autowired
	private RetryRegistry retries;

	@Test
	void growsExponentiallyWithJitterAndNeverExceedsTheCap() {
		for (String name : List.of("recommendations", "search")) {
			IntervalBiFunction<Object> backoff = this.retries.retry(name).getRetryConfig().getIntervalBiFunction();
			Either<Throwable, Object> failure = Either.left(new DependencyFailure(Reason.ERROR, null, "503", null));
			List<Long> firsts = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				firsts.add(backoff.apply(1, failure));
				assertThat(backoff.apply(2, failure)).isBetween(50L, 150L);
				for (int attempt = 3; attempt < 10; attempt++) {
					assertThat(backoff.apply(attempt, failure)).isBetween(100L, 200L);
				}
			}
			assertThat(firsts).allSatisfy((wait) -> assertThat(wait).isBetween(25L, 75L));
			assertThat(firsts.stream().distinct().count()).isGreaterThan(10);
		}
	}

}
