package io.designforfailure.recommendations.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import io.designforfailure.launcher.PostgresServer;
import io.designforfailure.recommendations.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The database stopped or stuck under a running service: reads still answer from memory,
 * writes are refused with 503 and {@code Retry-After}, never a 500 or a hang, and the
 * service takes writes again once the database is back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatabaseOutageTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private DatabaseGuard guard;

	@Test
	void servesReadsAndRefusesWritesWhileTheDatabaseIsStopped() throws Exception {
		PostgresServer server = TestDatabase.server();
		postView("outage-ann", "p-0001").andExpect(status().isAccepted());
		server.stop();
		try {
			this.mvc.perform(get("/api/recommendations").param("userId", "outage-ann"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.strategy").value("personalized"));
			this.mvc.perform(get("/api/recommendations/products/p-0001")).andExpect(status().isOk());
			for (int i = 0; i < 8; i++) {
				expectRefused(postView("outage-ann", "p-0002"));
			}
			expectRefused(this.mvc.perform(get("/api/users/outage-ann/views")));
			assertThat(this.guard.breakerState().name()).as("the breaker stops calling a stopped database")
				.isEqualTo("OPEN");
			this.mvc.perform(get("/actuator/health"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"))
				.andExpect(jsonPath("$.components.database.details.reachable").value(false))
				.andExpect(jsonPath("$.components.database.details.breaker").value("OPEN"));
			this.mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"));
		}
		finally {
			TestDatabase.start(server);
		}
		// The breaker half-opens by itself after its wait; the trial calls find the
		// database back.
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> postView("outage-ann", "p-0003").andReturn().getResponse().getStatus() == 202);
		this.mvc.perform(get("/api/users/outage-ann/views"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].productId").value("p-0003"))
			.andExpect(jsonPath("$.items[1].productId").value("p-0001"));
	}

	@Test
	void cancelsAStatementStuckOnALockInsteadOfWaitingForIt() throws Exception {
		PostgresServer server = TestDatabase.server();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.guard.breakerState().name().equals("CLOSED"));
		String key = "locked-" + UUID.randomUUID();
		try (Connection holder = DriverManager.getConnection(server.jdbcUrl(TestDatabase.NAME), TestDatabase.NAME,
				TestDatabase.NAME); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("INSERT INTO idempotency_keys VALUES ('" + key + "', repeat('0', 64), 202, now())");

			expectRefused(this.mvc.perform(post("/api/events/views").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key)
				.content("{\"userId\":\"locked-bob\",\"productId\":\"p-0001\"}")));

			assertThat(waitingOnLocks(statement)).as("the database cancelled the statement itself").isZero();
			holder.rollback();
		}
	}

	private static long waitingOnLocks(Statement statement) throws Exception {
		try (ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
				+ "WHERE wait_event_type = 'Lock' AND datname = '" + TestDatabase.NAME + "'")) {
			result.next();
			return result.getLong(1);
		}
	}

	private ResultActions postView(String userId, String productId) throws Exception {
		return this.mvc.perform(post("/api/events/views").contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.content("{\"userId\":\"" + userId + "\",\"productId\":\"" + productId + "\"}"));
	}

	private static void expectRefused(ResultActions result) throws Exception {
		result.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(503));
	}

}
