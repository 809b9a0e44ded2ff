package io.designforfailure.recommendations.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import io.designforfailure.launcher.PostgresServer;
import io.designforfailure.recommendations.TestDatabase;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A caller's deadline bounds the database work done for it: with a statement timeout of
 * 30 s configured here (and the driver's socket timeout, the backstop, at 60 s), a write
 * stuck on a lock ends when the caller's 300 ms are up, not after 30 s.
 */
@SpringBootTest(properties = { "recommendations.database.statement-timeout=30s",
		"spring.datasource.hikari.data-source-properties.socketTimeout=60" })
@AutoConfigureMockMvc
class DeadlineBoundedStatementTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private DatabaseGuard guard;

	@Test
	void endsAStatementStuckOnALockWhenTheCallersDeadlinePasses() throws Exception {
		PostgresServer server = TestDatabase.server();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.guard.breakerState().name().equals("CLOSED"));
		String key = "deadline-" + UUID.randomUUID();
		try (Connection holder = DriverManager.getConnection(server.jdbcUrl(TestDatabase.NAME), TestDatabase.NAME,
				TestDatabase.NAME); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("INSERT INTO idempotency_keys VALUES ('" + key + "', repeat('0', 64), 202, now())");
			long start = System.nanoTime();

			this.mvc
				.perform(post("/api/events/views").contentType(MediaType.APPLICATION_JSON)
					.header("Idempotency-Key", key)
					.header("X-Request-Timeout-Ms", "300")
					.content("{\"userId\":\"deadline-dan\",\"productId\":\"p-0001\"}"))
				.andExpect(status().isServiceUnavailable());

			// Generous for a busy machine, and far below the 30 s the statement could
			// wait.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			holder.rollback();
		}
	}

}
