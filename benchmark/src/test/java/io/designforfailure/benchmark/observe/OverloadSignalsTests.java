package io.designforfailure.benchmark.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverloadSignalsTests {

	@Test
	void readsTheShedRequestsOfEachKindOfWorkFromPrometheusText() {
		String prometheus = """
				# TYPE http_requests_shed_total counter
				http_requests_shed_total{application="recommendations-service",work="reads"} 42.0
				http_requests_shed_total{application="recommendations-service",work="writes"} 7.0
				http_requests_abandoned_total{application="recommendations-service"} 3.0
				""";

		assertThat(OverloadSignals.shed(prometheus, "reads")).isEqualTo(42);
		assertThat(OverloadSignals.shed(prometheus, "writes")).isEqualTo(7);
		assertThat(OverloadSignals.shed("", "reads")).isZero();
	}

	@Test
	void subtractsTheSnapshotBefore() {
		assertThat(new OverloadSignals(50, 9, 60, 120).since(new OverloadSignals(42, 7, 50, 100)))
			.isEqualTo(new OverloadSignals(8, 2, 10, 20));
	}

}
