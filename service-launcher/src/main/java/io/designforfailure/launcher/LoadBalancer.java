package io.designforfailure.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * HAProxy, as compose runs it (the same {@code docker/haproxy/haproxy.cfg}), on a free
 * loopback port in front of two storefront replicas, in the foreground of a process of
 * its own. Needs the {@code haproxy} executable on the PATH
 * ({@code apt-get install haproxy}); {@link #installed()} tells whether it is there.
 */
public final class LoadBalancer implements AutoCloseable {

	private static final Duration STARTUP_LIMIT = Duration.ofSeconds(10);

	private final int port;

	private final Process process;

	private LoadBalancer(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/** The haproxy executable on the PATH, if there is one. */
	public static Optional<Path> installed() {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.map((directory) -> Path.of(directory, "haproxy"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Starts HAProxy with {@code config} in front of {@code replica1} and
	 * {@code replica2} (their base URIs), its log appended to {@code log}, and returns
	 * once it accepts connections.
	 */
	public static LoadBalancer start(Path config, Path log, URI replica1, URI replica2) {
		Path haproxy = installed().orElseThrow(() -> new IllegalStateException("haproxy is not on the PATH"));
		int port = ServiceProcess.freeLoopbackPort();
		ProcessBuilder builder = new ProcessBuilder(List.of(haproxy.toString(), "-db", "-f", config.toString()))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("HAPROXY_BIND", "127.0.0.1:" + port);
		builder.environment().put("STOREFRONT_1", replica1.getHost() + ":" + replica1.getPort());
		builder.environment().put("STOREFRONT_2", replica2.getHost() + ":" + replica2.getPort());
		try {
			LoadBalancer balancer = new LoadBalancer(port, builder.start());
			balancer.awaitListening(log);
			return balancer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start haproxy", ex);
		}
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private void awaitListening(Path log) {
		long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException ex) {
				sleep();
			}
		}
		close();
		throw new IllegalStateException("haproxy did not start; the end of " + log + ":" + System.lineSeparator()
				+ ServiceProcess.tail(log, 20));
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for haproxy", ex);
		}
	}

}
