package io.designforfailure.recommendations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.designforfailure.launcher.PostgresServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL per test JVM, started on first use in a fresh directory under
 * {@code target/} and stopped when the JVM ends; tests that stop it start it again.
 */
public final class TestDatabase {

	/** As in compose and the demo. */
	public static final String NAME = "recommendations";

	private static PostgresServer server;

	private TestDatabase() {
	}

	/** Points the service under test at the shared server, starting it if needed. */
	public static void register(DynamicPropertyRegistry registry) {
		PostgresServer started = server();
		registry.add("spring.datasource.url", () -> started.jdbcUrl(NAME));
		registry.add("spring.datasource.username", () -> NAME);
		registry.add("spring.datasource.password", () -> NAME);
	}

	/** The shared server, started. */
	public static synchronized PostgresServer server() {
		if (server == null) {
			server = create();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-database-shutdown"));
		}
		start(server);
		return server;
	}

	/** Another server of its own, not started; its caller stops it. */
	public static PostgresServer create() {
		try {
			Path target = Files.createDirectories(Path.of("target"));
			return PostgresServer.createOnFreePort(Files.createTempDirectory(target.toAbsolutePath(), "postgres-"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the server if it is not running, with the service's role and database. */
	public static void start(PostgresServer server) {
		server.start();
		server.ensureDatabase(NAME, NAME, NAME);
	}

}
