package io.designforfailure.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One service's real executable jar in a JVM of its own on a free loopback port: started,
 * killed and restarted on that same port the way an operator would; its output goes to a
 * log file every failure message points at.
 */
public final class ServiceProcess {

	/** Startup on a busy 2-core machine takes 5-30 s; far beyond that, it is broken. */
	private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

	/** Graceful shutdown finishes in-flight requests within 10 s per phase. */
	private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

	private static final int LOG_TAIL_LINES = 40;

	/** Spring Boot's compact health, or Zipkin's pretty-printed one. */
	private static final Pattern HEALTH_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String name;

	private final int port;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private Process process;

	private ServiceProcess(Builder builder) {
		this.name = builder.name;
		this.port = freeLoopbackPort();
		this.command = command(builder.jar, this.port, builder.jvmOptions, builder.arguments);
		this.environment = Map.copyOf(builder.environment);
		this.log = builder.log;
	}

	/**
	 * A process for the given jar, named in every message, whose output is appended to
	 * the log.
	 */
	public static Builder builder(String name, Path jar, Path log) {
		return new Builder(name, jar, log);
	}

	/**
	 * The executable jar a module's build leaves in its {@code target} folder; fails with
	 * how to build it if it is not there.
	 */
	public static Path builtJar(Path root, String module, String version) {
		Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar").normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": build the services first, e.g. ./mvnw -B "
					+ "-DskipTests package from the repository root");
		}
		return jar;
	}

	public String name() {
		return this.name;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** Starts the JVM and returns at once; see {@link #awaitHealthy()}. */
	public void start() {
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.environment);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
	}

	/** Waits until the service's health is UP, or fails with the end of its log. */
	public void awaitHealthy() {
		long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!isAlive()) {
				throw new IllegalStateException(this.name + " exited during startup; the end of " + this.log + ":"
						+ System.lineSeparator() + logTail());
			}
			if (healthy()) {
				return;
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IllegalStateException(this.name + " is not healthy after " + STARTUP_LIMIT.toSeconds()
				+ " s; the end of " + this.log + ":" + System.lineSeparator() + logTail());
	}

	/**
	 * Stops the service if it runs, starts it again on the same port and awaits health.
	 */
	public void restart() {
		stop();
		start();
		awaitHealthy();
	}

	/**
	 * CPU time the running JVM has used since it started, if it runs and the platform
	 * tells; a restart starts from zero.
	 */
	public Optional<Duration> cpuTime() {
		return isAlive() ? this.process.toHandle().info().totalCpuDuration() : Optional.empty();
	}

	/** The running JVM's process id, if it runs. */
	public Optional<Long> pid() {
		return isAlive() ? Optional.of(this.process.pid()) : Optional.empty();
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Ends the JVM at once, the way a crash or an OOM kill does: its port refuses
	 * connections.
	 */
	public void kill() {
		if (isAlive()) {
			this.process.destroyForcibly();
			waitFor(STOP_LIMIT);
		}
	}

	/**
	 * Asks the JVM to stop gracefully, and kills it if it does not within a bound.
	 */
	public void stop() {
		if (isAlive()) {
			this.process.destroy();
			if (!waitFor(STOP_LIMIT)) {
				kill();
			}
		}
	}

	/**
	 * The JVM options come before the jar and the application's arguments after it; the
	 * port and the loopback address are always the launcher's, so {@link #uri(String)}
	 * reaches the service and nothing else can.
	 */
	static List<String> command(Path jar, int port, List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
		command.addAll(arguments);
		return List.copyOf(command);
	}

	/** The last lines of a log, or why there are none. */
	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log at " + log + ": " + ex.getMessage() + ")";
		}
	}

	private String logTail() {
		return tail(this.log, LOG_TAIL_LINES);
	}

	private boolean healthy() {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && HEALTH_UP.matcher(response.body()).find();
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean waitFor(Duration limit) {
		try {
			return this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting", ex);
		}
	}

	public static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on loopback", ex);
		}
	}

	/**
	 * The jar, its log and what differs between callers: JVM options, arguments,
	 * environment.
	 */
	public static final class Builder {

		private final String name;

		private final Path jar;

		private final Path log;

		private List<String> jvmOptions = List.of();

		private List<String> arguments = List.of();

		private Map<String, String> environment = Map.of();

		private Builder(String name, Path jar, Path log) {
			this.name = name;
			this.jar = jar;
			this.log = log;
		}

		/** Options for the JVM itself, e.g. {@code -Xmx256m}. */
		public Builder jvmOptions(List<String> jvmOptions) {
			this.jvmOptions = List.copyOf(jvmOptions);
			return this;
		}

		/** Arguments for the application, e.g. {@code --spring.profiles.active=...}. */
		public Builder arguments(List<String> arguments) {
			this.arguments = List.copyOf(arguments);
			return this;
		}

		public Builder environment(Map<String, String> environment) {
			this.environment = Map.copyOf(environment);
			return this;
		}

		/** A process on a free loopback port, not started yet. */
		public ServiceProcess build() {
			return new ServiceProcess(this);
		}

	}

}
