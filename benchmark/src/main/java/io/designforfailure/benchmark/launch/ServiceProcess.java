package io.designforfailure.benchmark.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service's real jar in a JVM of its own on a loopback port: started, killed and
 * restarted there.
 */
public final class ServiceProcess {

	/** Startup on a busy 2-core machine takes 5-30 s; far beyond that, it is broken. */
	private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String name;

	private final int port;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private Process process;

	ServiceProcess(String name, Path jar, int port, List<String> arguments, Map<String, String> environment, Path log) {
		this.name = name;
		this.port = port;
		this.environment = Map.copyOf(environment);
		this.log = log;
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Every service gets the same small heap, so both storefronts are measured alike.
		command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
		command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
		command.addAll(arguments);
		this.command = List.copyOf(command);
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

	public void awaitHealthy() {
		long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited during startup; see " + this.log);
			}
			if (healthy()) {
				return;
			}
			Pause.of(Duration.ofMillis(200));
		}
		throw new IllegalStateException(this.name + " is not healthy after " + STARTUP_LIMIT + "; see " + this.log);
	}

	/**
	 * Ends the JVM at once, the way a crash or an OOM kill does: its port refuses
	 * connections.
	 */
	public void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
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

	static void requireJar(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					"Missing " + jar + ": build the services first with ./mvnw -q -B -DskipTests package");
		}
	}

}
