package io.designforfailure.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where one {@link PostgresServer} keeps its files: the data directory, the password file
 * initdb reads, the working directory of its processes, and the log.
 * <p>
 * As a rule, all of them in the directory asked for ({@code data/},
 * {@code postgres.log}). Started by root, the server runs as {@code nobody}, who must
 * reach the data and the password file; when a folder above the directory asked for is
 * closed to other users ({@code /root}, any {@code mktemp -d} folder), those two live
 * instead in a home under {@code <java.io.tmpdir>/designing-for-failure-postgres-data/},
 * owned by {@code nobody} with mode 0700 and named after the directory (its last name and
 * a hash of its path), and the directory asked for gets {@code data} as a symbolic link
 * to it. The same directory finds the same data again, so the demo keeps its data between
 * runs; two clones never share; and the data lives exactly as long as the directory: a
 * home whose link is gone (its directory deleted, or deleted and made again) is deleted
 * when a server starts. The homes' parent belongs to root with mode 0711, so nobody
 * enters its own home but lists no other; one with another owner or open to writes by
 * others is refused, so no other user can plant it. Opening the user's own folders to
 * every user instead would change what they chose to keep private.
 * <p>
 * No library places files for a process that drops privileges, so this class is kept
 * small.
 *
 * @param directory the directory asked for: the log, and the data or a link to it
 * @param home where the server's processes run and find their data and password file
 * @param dropsRoot whether the server runs as {@code nobody}, so owns what it writes to
 */
record ServerFiles(Path directory, Path home, boolean dropsRoot) {

	/** Under {@code java.io.tmpdir}: the homes of root's servers, one each. */
	static final String HOMES = "designing-for-failure-postgres-data";

	/** In each home: the directory it belongs to. */
	private static final String ORIGIN = "origin";

	private static final String DATA = "data";

	/**
	 * Another server's home is left alone this long after it changed: one that is
	 * starting has its home before its link.
	 */
	private static final Duration SETTLING = Duration.ofMinutes(1);

	private static final Set<PosixFilePermission> HOMES_MODE = PosixFilePermissions.fromString("rwx--x--x");

	private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

	static ServerFiles of(Path directory, boolean root) {
		return of(directory, root, Path.of(System.getProperty("java.io.tmpdir")));
	}

	/**
	 * As {@link #of(Path, boolean)}, with root's homes under {@code temporary}; makes the
	 * directory if it is missing, so whether the server's user can reach it is known.
	 */
	static ServerFiles of(Path directory, boolean root, Path temporary) {
		Path absolute = directory.toAbsolutePath().normalize();
		try {
			Files.createDirectories(absolute);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make " + absolute, ex);
		}
		if (!root || closedFolder(absolute).isEmpty()) {
			return new ServerFiles(absolute, absolute, root);
		}
		Path homes = temporary.toAbsolutePath().normalize().resolve(HOMES);
		return new ServerFiles(absolute, homes.resolve(homeName(absolute)), true);
	}

	Path data() {
		return this.home.resolve(DATA);
	}

	Path passwordFile() {
		return this.home.resolve("superuser-password");
	}

	Path log() {
		return this.directory.resolve("postgres.log");
	}

	/** Whether the data lives outside the directory asked for. */
	boolean relocated() {
		return !this.home.equals(this.directory);
	}

	/**
	 * Makes the data directory, owned by the user the server runs as; for a home, clears
	 * away first the homes whose directory no longer links to them, this one's included.
	 */
	void prepare() throws IOException {
		if (relocated()) {
			Path homes = secureHomes(this.home.getParent());
			deleteUnlinked(homes);
			Path link = this.directory.resolve(DATA);
			if (!Files.isSymbolicLink(link)) {
				// A home without its link is left from an earlier directory of this name.
				if (running(data())) {
					throw new IllegalStateException("A PostgreSQL started from an earlier " + this.directory
							+ " still runs on " + data() + ": stop it first");
				}
				deleteTree(this.home);
				setAsideUnusable(link);
				Files.createDirectory(this.home);
				Files.createSymbolicLink(link, data());
				Files.writeString(this.home.resolve(ORIGIN), this.directory.toString(), StandardCharsets.UTF_8);
			}
			Files.setPosixFilePermissions(this.home, PRIVATE);
			ownByServerUser(this.home);
		}
		if (!Files.isDirectory(data())) {
			Files.createDirectory(data());
			Files.setPosixFilePermissions(data(), PRIVATE);
		}
		if (this.dropsRoot) {
			ownByServerUser(data());
		}
	}

	/**
	 * Fails with what to do when the server's user cannot reach {@code path}, as it must
	 * the binaries it runs.
	 */
	static void requireReachableByServerUser(Path path) {
		closedFolder(path).ifPresent((folder) -> {
			throw new IllegalStateException("PostgreSQL runs as uid " + PostgresServer.UNPRIVILEGED_ID
					+ " (nobody) because this runs as root, and that user cannot reach " + path + ": " + folder
					+ " is closed to other users. Point java.io.tmpdir at a folder every user can pass through, "
					+ "e.g. -Djava.io.tmpdir=/tmp");
		});
	}

	static void ownByServerUser(Path path) throws IOException {
		Files.setAttribute(path, "unix:uid", PostgresServer.UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
		Files.setAttribute(path, "unix:gid", PostgresServer.UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
	}

	/** {@code database-1a2b3c4d5e6f} for {@code /root/clone/.demo/database}. */
	static String homeName(Path directory) {
		String name = Optional.ofNullable(directory.getFileName())
			.map((fileName) -> fileName.toString().replaceAll("[^A-Za-z0-9._-]", "_"))
			.orElse("root");
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(directory.toString().getBytes(StandardCharsets.UTF_8));
			return name + "-" + HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** The nearest existing folder above {@code path} that other users cannot pass. */
	private static Optional<Path> closedFolder(Path path) {
		for (Path folder = path.toAbsolutePath(); folder != null; folder = folder.getParent()) {
			try {
				if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
					return Optional.of(folder);
				}
			}
			catch (NoSuchFileException ex) {
				// Made later, by the launcher: what counts is the folders above it.
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return Optional.empty();
	}

	/**
	 * The homes' parent, made if missing, refused if someone else could have planted it.
	 */
	private static Path secureHomes(Path homes) throws IOException {
		requireReachableByServerUser(homes);
		try {
			Files.createDirectory(homes);
		}
		catch (FileAlreadyExistsException ex) {
			// Made by an earlier server, or one starting now: checked below like any.
		}
		PosixFileAttributes attributes = Files.readAttributes(homes, PosixFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		Object owner = Files.getAttribute(homes, "unix:uid", LinkOption.NOFOLLOW_LINKS);
		Set<PosixFilePermission> mode = attributes.permissions();
		if (!attributes.isDirectory() || !Integer.valueOf(0).equals(owner)
				|| mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
			throw new IllegalStateException(
					homes + " must be a folder of root's that no one else can write to, but it " + "is "
							+ (attributes.isSymbolicLink() ? "a symbolic link"
									: "owned by uid " + owner + " with mode " + PosixFilePermissions.toString(mode))
							+ ": remove it if you did not make it");
		}
		Files.setPosixFilePermissions(homes, HOMES_MODE);
		return homes;
	}

	/**
	 * Deletes the homes that no directory links to any more, unless their server still
	 * runs: their directory was deleted, or deleted and made again.
	 */
	private static void deleteUnlinked(Path homes) throws IOException {
		Instant settled = Instant.now().minus(SETTLING);
		try (Stream<Path> entries = Files.list(homes)) {
			for (Path home : entries.toList()) {
				if (!linked(home) && !running(home.resolve(DATA))
						&& Files.getLastModifiedTime(home).toInstant().isBefore(settled)) {
					deleteTree(home);
				}
			}
		}
	}

	private static boolean linked(Path home) {
		try {
			Path origin = Path.of(Files.readString(home.resolve(ORIGIN), StandardCharsets.UTF_8).trim());
			Path link = origin.resolve(DATA);
			return Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(home.resolve(DATA));
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		catch (IOException | RuntimeException ex) {
			// Unreadable: leave it rather than delete what may be someone's data.
			return true;
		}
	}

	/** Whether the postmaster named in the data directory's pid file is alive. */
	private static boolean running(Path data) {
		try {
			List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
			return !lines.isEmpty()
					&& ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		catch (IOException | NumberFormatException ex) {
			return true;
		}
	}

	/**
	 * Where the link to the home belongs, a data directory of its own that its server's
	 * user could never reach: an initdb that failed there leaves an empty one, removed;
	 * one with data is left alone, and the start fails saying so.
	 */
	private static void setAsideUnusable(Path link) throws IOException {
		if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		if (Files.exists(link.resolve("PG_VERSION"))) {
			throw new IllegalStateException(link + " holds a database that the server's user (nobody) cannot reach "
					+ "from here: move the folder that holds it somewhere every user can pass through, or delete "
					+ link + " to start afresh");
		}
		deleteTree(link);
	}

	private static void deleteTree(Path tree) {
		try (Stream<Path> paths = Files.walk(tree)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// Another server clearing the same home at once, or a file in use: tried
			// again
			// at the next start.
		}
	}

}
