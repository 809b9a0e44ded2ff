package io.designforfailure.recommendations;

import io.designforfailure.web.warmup.WarmUpProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
class RecommendationsApplicationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	private MockMvc mvc;

	@Test
	void servesPopularProductsFromTheSeededHistoryRightAfterStart() throws Exception {
		this.mvc.perform(get("/api/recommendations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.strategy").value("popular"))
			.andExpect(jsonPath("$.items", hasSize(10)));
		this.mvc.perform(get("/api/recommendations/products/p-0001"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.strategy").value("also-viewed"));
	}

	@Test
	void warmsUpOnPathsThatAnswerFromMemory(@Autowired WarmUpProperties warmUp) throws Exception {
		assertThat(warmUp.enabled()).isTrue();
		assertThat(warmUp.paths()).isNotEmpty()
			.allSatisfy((path) -> assertThat(path).startsWith("/api/recommendations"));
		for (String path : warmUp.paths()) {
			this.mvc.perform(get(path)).andExpect(status().isOk());
		}
	}

	@Test
	void exportsTheViewCountersToPrometheus() throws Exception {
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("recommendations_views_recorded_total{application=\"recommendations-service\"}")))
			.andExpect(content().string(containsString("recommendations_views_duplicates_total")));
	}

	@Test
	void namesItselfInInfo() throws Exception {
		this.mvc.perform(get("/actuator/info"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.app.name").value("recommendations-service"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/info", "/actuator/metrics", "/actuator/prometheus" })
	void exposesTheOperationalEndpoints(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/chaosmonkey", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
			"/actuator/shutdown" })
	void hidesEveryOtherEndpointIncludingChaosMonkeyWithoutItsProfile(String path) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
