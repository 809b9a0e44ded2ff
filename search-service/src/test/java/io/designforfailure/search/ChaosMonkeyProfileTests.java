package io.designforfailure.search;

import io.designforfailure.web.shedding.LoadSheddingAutoConfiguration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Tests switch metrics export off unless asked; the prometheus endpoint is part of what is checked.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("chaos-monkey")
class ChaosMonkeyProfileTests {

	private static final String ASSAULTS = "/actuator/chaosmonkey/assaults";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MeterRegistry registry;

	@AfterEach
	void switchAssaultsOff() {
		assault(Map.of("latencyActive", false, "exceptionsActive", false));
	}

	@Test
	void startsWithTheEndpointUpAndEveryAssaultOff() {
		JsonNode assaults = this.http.getForObject(ASSAULTS, JsonNode.class);

		for (String assault : new String[] { "latencyActive", "exceptionsActive", "killApplicationActive",
				"memoryActive", "cpuActive" }) {
			assertThat(assaults.get(assault).asBoolean()).as(assault).isFalse();
		}
		assertThat(this.http.getForObject("/actuator/chaosmonkey/status", JsonNode.class).get("enabled").asBoolean())
			.isTrue();
		assertThat(search()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void watchesRestControllersOnly() {
		JsonNode watchers = this.http.getForObject("/actuator/chaosmonkey/watchers", JsonNode.class);

		assertThat(watchers.get("restController").asBoolean()).isTrue();
		for (String watcher : new String[] { "controller", "service", "repository", "component", "restTemplate",
				"webClient", "actuatorHealth" }) {
			assertThat(watchers.get(watcher).asBoolean()).as(watcher).isFalse();
		}
	}

	@Test
	void failsSearchesButNotActuatorWhileTheExceptionAssaultIsOn() {
		assault(Map.of("level", 1, "exceptionsActive", true));

		assertThat(search()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(this.http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assault(Map.of("latencyActive", false, "exceptionsActive", false));

		assertThat(search()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void slowsSearchesWhileTheLatencyAssaultIsOn() {
		assault(Map.of("level", 1, "latencyActive", true, "latencyRangeStart", 500, "latencyRangeEnd", 500));

		long start = System.nanoTime();
		HttpStatus status = search();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		// Only a lower bound: a busy machine can make a request slower, never faster.
		assertThat(status).isEqualTo(HttpStatus.OK);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(500));
	}

	@Test
	void endsTheHangForTheSearchesItHoldsWhenTheLatencyAssaultIsSwitchedOff() throws Exception {
		assault(Map.of("level", 1, "latencyActive", true, "latencyRangeStart", 120_000, "latencyRangeEnd", 120_000));
		CompletableFuture<HttpStatus> held = CompletableFuture.supplyAsync(this::search);
		await().atMost(Duration.ofSeconds(10)).until(() -> inFlight() == 1);

		assault(Map.of("latencyActive", false));

		// Held for two minutes otherwise, as Chaos Monkey's own executor would.
		assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(HttpStatus.OK);
	}

	private double inFlight() {
		return this.registry.get(LoadSheddingAutoConfiguration.IN_FLIGHT)
			.tag(LoadSheddingAutoConfiguration.WORK_TAG, "reads")
			.gauge()
			.value();
	}

	private HttpStatus search() {
		return HttpStatus.valueOf(this.http.getForEntity("/api/search?q=shoes", String.class).getStatusCode().value());
	}

	private void assault(Map<String, Object> settings) {
		assertThat(this.http.postForEntity(ASSAULTS, settings, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

}
