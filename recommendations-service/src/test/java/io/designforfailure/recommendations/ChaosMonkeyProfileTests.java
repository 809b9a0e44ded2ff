package io.designforfailure.recommendations;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("chaos-monkey")
class ChaosMonkeyProfileTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	private static final String ASSAULTS = "/actuator/chaosmonkey/assaults";

	@Autowired
	private TestRestTemplate rest;

	@Test
	void exposesChaosMonkeyWithEveryAssaultOffAtStart() {
		ResponseEntity<Map> assaults = this.rest.getForEntity(ASSAULTS, Map.class);

		assertThat(assaults.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(assaults.getBody()).containsEntry("latencyActive", false)
			.containsEntry("exceptionsActive", false)
			.containsEntry("killApplicationActive", false)
			.containsEntry("memoryActive", false)
			.containsEntry("cpuActive", false);
		assertThat(this.rest.getForObject("/actuator/chaosmonkey/watchers", Map.class))
			.containsEntry("restController", true)
			.containsEntry("controller", false)
			.containsEntry("service", false)
			.containsEntry("component", false)
			.containsEntry("repository", false)
			.containsEntry("actuatorHealth", false);
		assertThat(this.rest.getForEntity("/api/recommendations", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void exceptionAssaultBreaksTheApiButNotTheActuatorUntilSwitchedOff() {
		try {
			assertThat(this.rest.postForEntity(ASSAULTS, Map.of("level", 1, "exceptionsActive", true), String.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);

			assertThat(this.rest.getForEntity("/api/recommendations", String.class).getStatusCode())
				.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(this.rest.getForEntity("/actuator/health", String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		}
		finally {
			this.rest.postForEntity(ASSAULTS, Map.of("exceptionsActive", false, "latencyActive", false), String.class);
		}
		assertThat(this.rest.getForEntity("/api/recommendations", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

}
