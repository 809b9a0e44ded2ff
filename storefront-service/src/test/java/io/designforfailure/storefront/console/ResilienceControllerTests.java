package io.designforfailure.storefront.console;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The resilience report shows the state of every guard of every dependency. */
class ResilienceControllerTests extends WireMockTestSupport {

	@Test
	void resilienceReportShowsEveryGuardOfBothDependencies() {
		StorefrontAnswer report = fetch("/api/resilience");

		for (String name : new String[] { "recommendations", "search" }) {
			String dependency = "$.dependencies." + name;
			assertThat(report).extractingPath(dependency + ".circuitBreaker.state").asString().isEqualTo("CLOSED");
			assertThat(report).extractingPath(dependency + ".bulkhead.availableConcurrentCalls")
				.asNumber()
				.isEqualTo(50);
			assertThat(report).extractingPath(dependency + ".concurrencyLimit.enabled").isEqualTo(true);
			assertThat(report).extractingPath(dependency + ".concurrencyLimit.limit").asNumber().isNotEqualTo(0);
			assertThat(report).hasPath(dependency + ".concurrencyLimit.inFlight")
				.hasPath(dependency + ".concurrencyLimit.limitedCalls");
			assertThat(report).hasPath(dependency + ".retry.failedWithRetry")
				.hasPath(dependency + ".details.cacheSize")
				.hasPath(dependency + ".overload.retryBudgetLeft");
			assertThat(report).extractingPath(dependency + ".transitions").asArray();
		}
	}

}
