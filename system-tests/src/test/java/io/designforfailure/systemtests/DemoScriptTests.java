package io.designforfailure.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code ./demo} script as a user runs it, with a state folder and ports of its own
 * ({@code DEMO_STATE}, {@code DEMO_PORT_OFFSET}) so it never meets a demo that is
 * running.
 */
@EnabledOnOs(OS.LINUX)
class DemoScriptTests {

	private static final Path ROOT = Path.of(System.getProperty("system-tests.root", ".."))
		.toAbsolutePath()
		.normalize();

	/** Where {@code ./demo} keeps the database, unless an offset moves it. */
	private static final int DATABASE_PORT = 5432;

	private static final Duration LIMIT = Duration.ofSeconds(150);

	@TempDir
	Path temporary;

	/**
	 * A process killed with -9 stays a zombie until its parent reaps it, which in a
	 * container without an init may be never; its pid file still names a "java".
	 */
	@Test
	void startsAProcessAtOnceWhoseKilledPredecessorIsAZombie() throws Exception {
		Path state = Files.createDirectory(this.temporary.resolve("demo"));
		Path sleeper = Files.writeString(this.temporary.resolve("Sleep.java"),
				"class Sleep { public static void main(String[] a) throws Exception { Thread.sleep(120_000); } }");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// sh starts java, then becomes sleep, which never reaps it: an init that does not
		// reap.
		Process parent = new ProcessBuilder("sh", "-c", "\"$0\" \"$1\" & echo $!; exec sleep 120", java,
				sleeper.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			long pid = Long.parseLong(firstLine(parent));
			Files.writeString(state.resolve("database.pid"), Long.toString(pid));
			await().atMost(LIMIT).until(() -> commandLine(pid).contains(java));
			ProcessHandle.of(pid).orElseThrow().destroyForcibly();
			await().atMost(LIMIT).until(() -> "Z".equals(processState(pid)));

			int offset = freePort() - DATABASE_PORT;

			Demo started = demo(state, offset, "start", "database");

			assertThat(started.exitStatus()).as("./demo start database: %s", started.output()).isZero();
			assertThat(started.output()).noneMatch((line) -> line.contains("already running"))
				.anyMatch((line) -> line.startsWith("started database"));
			Demo stopped = demo(state, offset, "stop", "database");
			assertThat(stopped.output()).as("./demo stop database")
				.anyMatch((line) -> line.startsWith("stopped database"));
		}
		finally {
			parent.destroyForcibly();
			demo(state, 0, "down");
		}
	}

	/**
	 * Runs {@code ./demo} with its own state folder and its ports shifted by the offset.
	 */
	private static Demo demo(Path state, int portOffset, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(ROOT.resolve("demo").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("DEMO_STATE", state.toString());
		builder.environment().put("DEMO_PORT_OFFSET", Integer.toString(portOffset));
		Process demo = builder.start();
		List<String> output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		if (!demo.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
			demo.destroyForcibly();
		}
		return new Demo(demo.isAlive() ? -1 : demo.exitValue(), output);
	}

	/**
	 * What a run of {@code ./demo} printed, and its exit status.
	 *
	 * @param exitStatus the exit status, -1 if it had to be killed
	 * @param output its lines, standard error among them
	 */
	private record Demo(int exitStatus, List<String> output) {
	}

	private static String firstLine(Process process) throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
			return reader.readLine().trim();
		}
	}

	private static String commandLine(long pid) {
		return ProcessHandle.of(pid).flatMap((process) -> process.info().command()).orElse("");
	}

	/** The state letter in {@code /proc/PID/stat}: R, S, Z ... */
	private static String processState(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
