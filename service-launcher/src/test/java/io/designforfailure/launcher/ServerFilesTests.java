package io.designforfailure.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Where a server's files go, without starting one: see {@link PostgresServerTests} for
 * servers started from such places.
 */
class ServerFilesTests {

	@TempDir
	Path temporary;

	/** A temporary folder that anyone may pass through, as /tmp is. */
	private Path tmp;

	@BeforeEach
	void openTheTemporaryFolder() throws IOException {
		Files.setPosixFilePermissions(this.temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.tmp = Files.createDirectory(this.temporary.resolve("tmp"));
		Files.setPosixFilePermissions(this.tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
	}

	@Test
	void keepsEverythingInTheDirectoryAskedForWhenNotRootWhereverItIs() throws IOException {
		Path directory = closed().resolve("database");

		ServerFiles files = ServerFiles.of(directory, false, this.tmp);
		files.prepare();

		assertThat(files.relocated()).isFalse();
		assertThat(files.data()).isEqualTo(directory.resolve("data")).isDirectory();
		assertThat(files.log()).isEqualTo(directory.resolve("postgres.log"));
	}

	@Test
	void keepsRootsDataInTheDirectoryAskedForWhenEveryUserCanReachIt() {
		Path directory = this.temporary.resolve("open/.demo/database");

		ServerFiles files = ServerFiles.of(directory, true, this.tmp);

		assertThat(files.relocated()).isFalse();
		assertThat(files.data()).isEqualTo(directory.resolve("data"));
	}

	@Test
	void keepsRootsDataInAHomeNamedAfterTheDirectoryWhenAFolderAboveIsClosed() throws IOException {
		Path directory = closed().resolve("clone/.demo/database");

		ServerFiles files = ServerFiles.of(directory, true, this.tmp);

		assertThat(files.relocated()).isTrue();
		assertThat(files.home().getParent()).isEqualTo(this.tmp.resolve(ServerFiles.HOMES));
		assertThat(files.home().getFileName().toString()).matches("database-[0-9a-f]{12}");
		assertThat(ServerFiles.of(directory, true, this.tmp)).isEqualTo(files);
		assertThat(ServerFiles.of(closed().resolve("other/.demo/database"), true, this.tmp).home())
			.isNotEqualTo(files.home());
		assertThat(files.log()).isEqualTo(directory.resolve("postgres.log"));
	}

	@Test
	void givesTheHomeToTheServersUserAloneAndLinksItFromTheDirectory() throws IOException {
		assumeRoot();
		ServerFiles files = ServerFiles.of(closed().resolve("database"), true, this.tmp);

		files.prepare();

		assertThat(Files.getAttribute(files.home(), "unix:uid")).isEqualTo(PostgresServer.UNPRIVILEGED_ID);
		assertThat(Files.getAttribute(files.data(), "unix:uid")).isEqualTo(PostgresServer.UNPRIVILEGED_ID);
		assertThat(mode(files.home())).isEqualTo("rwx------");
		assertThat(mode(files.home().getParent())).isEqualTo("rwx--x--x");
		assertThat(Files.readSymbolicLink(files.directory().resolve("data"))).isEqualTo(files.data());
	}

	@Test
	void startsAfreshWhenTheDirectoryIsMadeAgainAndForgetsHomesWhoseDirectoryIsGone() throws IOException {
		assumeRoot();
		Path directory = closed().resolve("database");
		ServerFiles files = ServerFiles.of(directory, true, this.tmp);
		files.prepare();
		Path marker = Files.writeString(files.data().resolve("PG_VERSION"), "17");
		files.prepare();
		assertThat(marker).exists();

		deleteTree(directory);
		ServerFiles.of(directory, true, this.tmp).prepare();
		assertThat(marker).doesNotExist();
		assertThat(files.data()).isDirectory();
	}

	@Test
	void refusesHomesThatAnotherUserMadeOrCanWriteTo() throws IOException {
		assumeRoot();
		Path planted = Files.createDirectory(this.tmp.resolve(ServerFiles.HOMES));
		ServerFiles.ownByServerUser(planted);

		assertThatIllegalStateException()
			.isThrownBy(ServerFiles.of(closed().resolve("database"), true, this.tmp)::prepare)
			.withMessageContaining(planted.toString())
			.withMessageContaining("remove it");
	}

	@Test
	void saysWhatToDoWhenTheServersUserCannotReachItsBinaries() throws IOException {
		Path binaries = closed().resolve("postgres/bin/postgres");

		assertThatIllegalStateException().isThrownBy(() -> ServerFiles.requireReachableByServerUser(binaries))
			.withMessageContaining("nobody")
			.withMessageContaining(binaries.getParent().getParent().getParent() + " is closed to other users")
			.withMessageContaining("-Djava.io.tmpdir");
	}

	/** A folder that other users cannot pass through, as /root and mktemp -d are. */
	private Path closed() throws IOException {
		Path closed = this.temporary.resolve("closed");
		if (!Files.exists(closed)) {
			Files.createDirectory(closed);
			Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
		}
		return closed;
	}

	private static void assumeRoot() {
		assumeThat(PostgresServer.isRoot()).as("only root gives files to another user").isTrue();
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	private static void deleteTree(Path tree) throws IOException {
		try (var paths = Files.walk(tree)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
