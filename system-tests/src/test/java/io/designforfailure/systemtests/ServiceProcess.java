package io.designforfailure.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service's real executable jar in a JVM of its own, started, killed and restarted on
 * the same port the way an operator would; its output goes to a log file the failure
 * message points at.
 */
final class ServiceProcess {

	/** Startup on a busy 2-core machine takes 5-20 s; far beyond that, it is broken. */
	private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

	/** Graceful shutdown finishes in-flight requests within 10 s per phase. */
	private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Service service;

	private final int port;

	private final Path jar;

	private final Path log;

	private final List<String> arguments;

	private final Map<String, String> environment;

	private Process process;

	ServiceProcess(Service service, int port, Path jar, Path log, List<String> arguments,
			Map<String, String> environment) {
		this.service = service;
		this.port = port;
		this.jar = jar;
		this.log = log;
		this.arguments = List.copyOf(arguments);
		this.environment = Map.copyOf(environment);
	}

	Service service() {
		return this.service;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** Starts the jar; returns at once (see {@link #awaitHealthy()}). */
	void start() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// A small heap, the serial collector and C1 only (it starts faster): three JVMs
		// share two cores with the build.
		command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
		command
			.addAll(List.of("-jar", this.jar.toString(), "--server.port=" + this.port, "--server.address=127.0.0.1"));
		command.addAll(this.arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.environment);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.service.module(), ex);
		}
	}

	/** Waits until the service's health is UP, or fails with the end of its log. */
	void awaitHealthy() {
		Instant deadline = Instant.now().plus(STARTUP_LIMIT);
		while (Instant.now().isBefore(deadline)) {
			if (!isAlive()) {
				throw new IllegalStateException(
						this.service.module() + " exited during startup; the end of its log:\n" + logTail());
			}
			if (healthy()) {
				return;
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IllegalStateException(this.service.module() + " is not healthy after " + STARTUP_LIMIT.toSeconds()
				+ " s; the end of its log:\n" + logTail());
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** Ends the process at once, the way a crash or an OOM kill does. */
	void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			waitFor(STOP_LIMIT);
		}
	}

	/**
	 * Asks the process to stop gracefully, and kills it if it does not within a bound.
	 */
	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!waitFor(STOP_LIMIT)) {
				kill();
			}
		}
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + this.log + ": " + ex.getMessage() + ")";
		}
	}

	private boolean healthy() {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
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
			throw new IllegalStateException(ex);
		}
	}

	static Path jar(Path root, String version, Service service) {
		Path jar = root.resolve(service.module())
			.resolve("target")
			.resolve(service.module() + "-" + version + ".jar")
			.normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": build the services first, e.g. ./mvnw -B verify from "
					+ "the repository root (or ./mvnw -B -pl system-tests -am verify)");
		}
		return jar;
	}

}
