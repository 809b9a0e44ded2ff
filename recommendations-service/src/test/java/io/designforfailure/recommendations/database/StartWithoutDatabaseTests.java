package io.designforfailure.recommendations.database;

import java.time.Duration;

import io.designforfailure.launcher.PostgresServer;
import io.designforfailure.recommendations.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service started while its database is down starts anyway, serves recommendations from
 * the synthetic seed, and migrates and takes writes once the database comes up.
 */
@SpringBootTest(properties = "recommendations.database.preparation-interval=500ms")
@AutoConfigureMockMvc
class StartWithoutDatabaseTests {

	/** Not started until the test starts it. */
	private static final PostgresServer server = TestDatabase.create();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> server.jdbcUrl(TestDatabase.NAME));
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private DatabaseGuard guard;

	@Test
	void startsWithTheDatabaseDownAndMigratesWhenItComesUp() throws Exception {
		assertThat(this.guard.isReady()).isFalse();
		this.mvc.perform(get("/api/recommendations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.strategy").value("popular"));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.database.details.schema").value("pending"));
		postView().andExpect(status().isServiceUnavailable());

		TestDatabase.start(server);
		await().atMost(Duration.ofSeconds(60)).until(this.guard::isReady);

		postView().andExpect(status().isAccepted());
		this.mvc.perform(get("/api/users/late-cat/views")).andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/users/seed-user-7/views")).andExpect(jsonPath("$.total").value(12));
	}

	private org.springframework.test.web.servlet.ResultActions postView() throws Exception {
		return this.mvc.perform(post("/api/events/views").contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", "late-key-1")
			.content("{\"userId\":\"late-cat\",\"productId\":\"p-0001\"}"));
	}

}
