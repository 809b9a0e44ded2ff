package io.designforfailure.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

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

	/**
	 * JUnit's temporary directory is closed to other users (0700), like {@code /root} or
	 * any {@code mktemp -d} folder: started by root, the server's user could not reach
	 * data kept under it.
	 */
	@Test
	void startsFromAFolderOtherUsersCannotEnterRunningAsAnUnprivilegedUserWhenStartedByRoot() throws Exception {
		assertThat(Files.getPosixFilePermissions(this.temporary)).doesNotContain(PosixFilePermission.OTHERS_EXECUTE);
		Path directory = serverDirectory();
		this.server = PostgresServer.createOnFreePort(directory);
		this.server.start();
		Object owner = Files.getAttribute(this.server.dataDirectory(), "unix:uid");
		if (PostgresServer.isRoot()) {
			assertThat(owner).isEqualTo(PostgresServer.UNPRIVILEGED_ID);
			assertThat(PostgresServer.asServerUser()).startsWith("setpriv");
			assertThat(this.server.dataDirectory().startsWith(this.temporary)).as("data outside the closed folder")
				.isFalse();
			assertThat(directory.resolve("postgres.log")).isNotEmptyFile();
		}
		else {
			assertThat(PostgresServer.asServerUser()).isEmpty();
			assertThat(this.server.dataDirectory()).isEqualTo(directory.resolve("data"));
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

	@Test
	void findsItsDataAgainFromTheSameDirectoryAndStartsAfreshWhenTheDirectoryIsMadeAgain() throws Exception {
		Path directory = serverDirectory();
		this.server = PostgresServer.createOnFreePort(directory);
		this.server.start();
		this.server.ensureDatabase("shop", "shop", "secret");
		execute("CREATE TABLE views (id int)", "INSERT INTO views VALUES (1)");
		Path data = this.server.dataDirectory();
		this.server.stop();

		this.server = PostgresServer.createOnFreePort(directory);
		this.server.start();
		assertThat(this.server.dataDirectory()).isEqualTo(data);
		execute("INSERT INTO views VALUES (2)");
		this.server.stop();

		deleteTree(directory);
		this.server = PostgresServer.createOnFreePort(directory);
		this.server.start();
		this.server.ensureDatabase("shop", "shop", "secret");
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT to_regclass('views') IS NULL")) {
			result.next();
			assertThat(result.getBoolean(1)).as("a fresh database in a directory made again").isTrue();
		}
	}

	private Path serverDirectory() {
		return this.temporary.resolve("clone/.demo/database");
	}

	private static void deleteTree(Path tree) throws IOException {
		try (Stream<Path> paths = Files.walk(tree)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
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
