package io.designforfailure.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresServerTests {

	@TempDir
	Path temporary;

	private PostgresServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void keepsItsDataAcrossAStopAndAKill() throws Exception {
		this.server = PostgresServer.createOnFreePort(serverDirectory());
		this.server.start();
		this.server.ensureDatabase("shop", "shop", "secret");
		execute("CREATE TABLE views (id int)", "INSERT INTO views VALUES (1)");

		this.server.stop();
		assertThatExceptionOfType(SQLException.class).isThrownBy(this::connect);
		this.server.start();
		execute("INSERT INTO views VALUES (2)");
		this.server.kill();
		this.server.start();
		this.server.ensureDatabase("shop", "shop", "secret");

		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM views")) {
			result.next();
			assertThat(result.getInt(1)).isEqualTo(2);
		}
	}

	@Test
	void runsAsAnUnprivilegedUserWhenStartedByRoot() throws Exception {
		Path directory = serverDirectory();
		this.server = PostgresServer.createOnFreePort(directory);
		this.server.start();
		Object owner = Files.getAttribute(directory.resolve("data"), "unix:uid");
		if (PostgresServer.isRoot()) {
			assertThat(owner).isEqualTo(PostgresServer.UNPRIVILEGED_ID);
			assertThat(PostgresServer.asServerUser()).startsWith("setpriv");
		}
		else {
			assertThat(PostgresServer.asServerUser()).isEmpty();
		}
		this.server.ensureDatabase("shop", "shop", "secret");
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_user")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo("shop");
		}
	}

	@Test
	void refusesThePasswordlessSuperuser() throws IOException {
		this.server = PostgresServer.createOnFreePort(serverDirectory());
		this.server.start();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(this.server.jdbcUrl("postgres"), "postgres", "").close());
	}

	/**
	 * Beside, not inside, JUnit's temporary directory: that one is readable by its owner
	 * only, and the server's unprivileged user must reach its data.
	 */
	private Path serverDirectory() throws IOException {
		Files.setPosixFilePermissions(this.temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
		return this.temporary.resolve("postgres");
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.server.jdbcUrl("shop"), "shop", "secret");
	}

	private void execute(String... statements) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
