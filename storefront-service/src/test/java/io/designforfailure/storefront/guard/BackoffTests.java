package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backoff as application.yml configures it: with three attempts the cap is never
 * reached in a real call, so it is checked on the configured function itself, in a
 * context holding nothing but Resilience4j's retries.
 */
class BackoffTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(RetryAutoConfiguration.class));

	@Test
	void growsExponentiallyWithJitterAndNeverExceedsTheCap() {
		this.contextRunner.run((context) -> {
			RetryRegistry retries = context.getBean(RetryRegistry.class);
			for (String name : List.of("recommendations", "search")) {
				IntFunction<Duration> backoff = PlannedWait.backoffOf(retries.retry(name));
				List<Long> firsts = new ArrayList<>();
				for (int i = 0; i < 200; i++) {
					firsts.add(backoff.apply(1).toMillis());
					assertThat(backoff.apply(2).toMillis()).isBetween(50L, 150L);
					for (int attempt = 3; attempt < 10; attempt++) {
						assertThat(backoff.apply(attempt).toMillis()).isBetween(100L, 200L);
					}
				}
				assertThat(firsts).allSatisfy((wait) -> assertThat(wait).isBetween(25L, 75L));
				assertThat(firsts.stream().distinct().count()).isGreaterThan(10);
			}
		});
	}

}
