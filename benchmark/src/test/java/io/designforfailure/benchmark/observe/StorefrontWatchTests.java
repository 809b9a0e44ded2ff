package io.designforfailure.benchmark.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorefrontWatchTests {

	@Test
	void readsBusyTomcatThreadsFromPrometheusText() {
		String prometheus = """
				# HELP tomcat_threads_busy_threads
				# TYPE tomcat_threads_busy_threads gauge
				tomcat_threads_busy_threads{application="storefront-service",name="http-nio-127.0.0.1-8080"} 17.0
				tomcat_threads_config_max_threads{application="storefront-service",name="http-nio-127.0.0.1-8080"} 200.0
				""";

		assertThat(StorefrontWatch.busyThreads(prometheus)).contains(17);
	}

	@Test
	void findsNoBusyThreadsWhenTomcatDoesNotExportThem() {
		assertThat(StorefrontWatch.busyThreads("jvm_threads_live_threads{application=\"x\"} 40.0\n")).isEmpty();
	}

	@Test
	void readsTheViewsTheStorefrontCountedFromItsResilienceReport() {
		String report = """
				{"dependencies":{"recommendations":{"circuitBreaker":{"state":"CLOSED"},"details":{"cacheSize":3,
				"views":{"delivered":40,"duplicate":1,"redelivered":12,"dropped":2,"pending":5}}},
				"search":{"circuitBreaker":{"state":"CLOSED"},"details":{"cacheSize":9}}}}
				""";

		assertThat(StorefrontWatch.views(report)).contains(new ViewAudit.StorefrontViews(40, 12, 2, 5));
		assertThat(StorefrontWatch.views("{\"dependencies\":{}}")).isEmpty();
		assertThat(StorefrontWatch.views("not json")).isEmpty();
	}

	@Test
	void seesTheGuardsAtRestOnlyWithEveryBreakerClosedAndNothingHeldBack() {
		String atRest = """
				{"dependencies":{"recommendations":{"circuitBreaker":{"state":"CLOSED"},"overload":{"throttleProbability":0.0}},
				"search":{"circuitBreaker":{"state":"CLOSED"},"overload":{"throttleProbability":0.0}}}}
				""";

		assertThat(StorefrontWatch.guardsAtRest(atRest)).isTrue();
		assertThat(StorefrontWatch.guardsAtRest(atRest.replaceFirst("CLOSED", "HALF_OPEN"))).isFalse();
		assertThat(StorefrontWatch.guardsAtRest(atRest.replaceFirst("0\\.0", "0.4"))).isFalse();
		assertThat(StorefrontWatch.guardsAtRest("{\"dependencies\":{}}")).isFalse();
		assertThat(StorefrontWatch.guardsAtRest("not json")).isFalse();
	}

}
