package io.designforfailure.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * HAProxy with the configuration compose runs ({@code docker/haproxy/haproxy.cfg}) sends
 * a GET that met a dead replica, or a replica that closed the connection without an
 * answer, to the other one. The replicas are two tiny HTTP servers on loopback that
 * answer their readiness checks and say who they are.
 */
class LoadBalancerTests {

	private static final Path CONFIG = Path.of("../docker/haproxy/haproxy.cfg");

	private final List<Replica> replicas = new ArrayList<>();

	@TempDir
	Path folder;

	@BeforeEach
	void haproxyInstalled() {
		assumeTrue(LoadBalancer.installed().isPresent(),
				"haproxy is not on the PATH (apt-get install haproxy): the load balancer's retries are not tested");
	}

	@Test
	void sendsAGetThatCannotConnectToTheOtherReplica() throws Exception {
		Replica one = replica("one", false);
		Replica two = replica("two", false);
		try (LoadBalancer balancer = LoadBalancer.start(CONFIG, this.folder.resolve("haproxy.log"), one.uri(),
				two.uri())) {
			awaitBothServing(balancer);
			one.close();

			for (int i = 0; i < 10; i++) {
				assertThat(get(balancer.uri("/page"))).isEqualTo("200 two");
			}
		}
		finally {
			this.replicas.forEach(Replica::close);
		}
	}

	@Test
	void sendsAGetAnsweredWithNothingToTheOtherReplica() throws Exception {
		Replica silent = replica("silent", true);
		Replica two = replica("two", false);
		try (LoadBalancer balancer = LoadBalancer.start(CONFIG, this.folder.resolve("haproxy.log"), silent.uri(),
				two.uri())) {
			awaitUp(balancer);
			int askedBefore = silent.pagesAsked();

			for (int i = 0; i < 10; i++) {
				assertThat(get(balancer.uri("/page"))).isEqualTo("200 two");
			}
			assertThat(silent.pagesAsked() - askedBefore).as("GETs that met the silent replica first").isPositive();
		}
		finally {
			this.replicas.forEach(Replica::close);
		}
	}

	@Test
	void stillSendsGetsWhenEveryReplicaFailsItsCheckAtOnce() throws Exception {
		// A lone replica too busy to answer its readiness check within the check timeout,
		// while the other restarts, is busy, not gone: a 503 from HAProxy for every
		// request would be the outage the restart was meant to avoid.
		Replica one = replica("one", false);
		Replica two = replica("two", false);
		try (LoadBalancer balancer = LoadBalancer.start(CONFIG, this.folder.resolve("haproxy.log"), one.uri(),
				two.uri())) {
			awaitBothServing(balancer);
			one.ready = false;
			two.ready = false;
			// fall 2 x inter 1 s, and a margin: HAProxy has marked both down.
			Thread.sleep(4000);

			for (int i = 0; i < 10; i++) {
				assertThat(get(balancer.uri("/page"))).isIn("200 one", "200 two");
			}
		}
		finally {
			this.replicas.forEach(Replica::close);
		}
	}

	/** Until round robin has reached both replicas. */
	private void awaitBothServing(LoadBalancer balancer) throws Exception {
		List<String> seen = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!(seen.contains("200 one") && seen.contains("200 two")) && System.nanoTime() < deadline) {
			seen.add(get(balancer.uri("/page")));
			Thread.sleep(100);
		}
		assertThat(seen).contains("200 one", "200 two");
	}

	/** Until HAProxy has seen both replicas ready (rise 2 x inter 1 s). */
	private void awaitUp(LoadBalancer balancer) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!get(balancer.uri("/page")).equals("200 two") && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Thread.sleep(3000);
	}

	/**
	 * GETs on a connection of its own: on a reused one HAProxy answers a failure by
	 * closing it, and the JDK client quietly sends the GET again, which would hide what
	 * HAProxy did.
	 */
	private String get(URI uri) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() + " " + response.body();
		}
		catch (IOException ex) {
			return "no answer: " + ex;
		}
	}

	private Replica replica(String name, boolean silentOnPages) throws IOException {
		Replica replica = new Replica(name, silentOnPages);
		this.replicas.add(replica);
		return replica;
	}

	/**
	 * An HTTP server small enough to close a connection without a word: ready on
	 * {@code /actuator/health/readiness}, and on any other path its name, or, when
	 * silent, nothing at all.
	 */
	private static final class Replica implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final String name;

		private final boolean silentOnPages;

		private volatile int pagesAsked;

		/** Whether it answers its readiness check 200, or 503. */
		private volatile boolean ready = true;

		Replica(String name, boolean silentOnPages) throws IOException {
			this.name = name;
			this.silentOnPages = silentOnPages;
			Thread thread = new Thread(this::serve, "replica-" + name);
			thread.setDaemon(true);
			thread.start();
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + this.socket.getLocalPort());
		}

		int pagesAsked() {
			return this.pagesAsked;
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket connection = this.socket.accept()) {
					String requestLine = readHead(connection.getInputStream());
					boolean health = requestLine.contains("/actuator/health/readiness");
					if (!health) {
						this.pagesAsked++;
						if (this.silentOnPages) {
							continue;
						}
					}
					boolean refused = health && !this.ready;
					String body = !health ? this.name
							: refused ? "{\"status\":\"OUT_OF_SERVICE\"}" : "{\"status\":\"UP\"}";
					OutputStream out = connection.getOutputStream();
					out.write(((refused ? "HTTP/1.1 503 Service Unavailable" : "HTTP/1.1 200 OK")
							+ "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
						.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				catch (IOException ex) {
					// Closed, or the client went away.
				}
			}
		}

		/** The request line; reads up to the end of the headers. */
		private static String readHead(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0) {
				head.append((char) c);
				if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
					break;
				}
			}
			int end = head.indexOf("\r\n");
			return (end > 0) ? head.substring(0, end) : head.toString();
		}

		@Override
		public void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// Already closed.
			}
		}

	}

}
