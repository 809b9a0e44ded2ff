package io.designforfailure.web.warmup;

import io.designforfailure.web.ProblemsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up's requests arrive after the port opens and before the service is ready; one
 * of its paths answering 404 neither stops the others nor the start.
 */
@SpringBootTest(classes = ProblemsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "service.warm-up.enabled=true", "service.warm-up.rounds=5",
				"service.warm-up.paths=/api/warm,/api/missing,/api/warm?again=1" })
class WarmUpTests {

	@Autowired
	private ApplicationAvailability availability;

	@Test
	void asksEveryPathEachRoundBeforeTheServiceIsReady() {
		assertThat(ProblemsApplication.warmRequests).containsOnlyKeys(ReadinessState.REFUSING_TRAFFIC);
		assertThat(ProblemsApplication.warmRequests.get(ReadinessState.REFUSING_TRAFFIC)).hasValue(10);
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
	}

}
