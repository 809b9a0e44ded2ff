package io.designforfailure.benchmark.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FlakyProxyTests {

	static {
		// As the proxy does, before this JVM's first server: the backend below.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private static final long SEED = 7;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final AtomicInteger reachedBackend = new AtomicInteger();

	private final AtomicReference<String> deadlineSeen = new AtomicReference<>();

	private HttpServer backend;

	private FlakyProxy proxy;

	@BeforeEach
	void start() throws IOException {
		this.backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.backend.createContext("/", (exchange) -> {
			this.reachedBackend.incrementAndGet();
			this.deadlineSeen.set(exchange.getRequestHeaders().getFirst("X-Request-Timeout-Ms"));
			byte[] body = ("{\"query\":\"" + exchange.getRequestURI().getQuery() + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.backend.start();
		this.proxy = new FlakyProxy(URI.create("http://127.0.0.1:" + this.backend.getAddress().getPort()), SEED);
	}

	@AfterEach
	void stop() {
		this.proxy.close();
		this.backend.stop(0);
	}

	@Test
	void failsTheShareTheSeededGeneratorDrawsAndForwardsTheRest() throws Exception {
		this.proxy.failing(0.2);
		Random same = new Random(SEED);
		int expectedFailures = 0;
		int failures = 0;
		for (int i = 0; i < 200; i++) {
			if (same.nextDouble() < 0.2) {
				expectedFailures++;
			}
			HttpResponse<String> response = get("/api/search?q=tent");
			if (response.statusCode() == 503) {
				failures++;
				assertThat(response.headers().firstValue("Retry-After")).isEmpty();
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo("{\"query\":\"q=tent\"}");
			}
		}

		assertThat(failures).isEqualTo(expectedFailures).isBetween(20, 60);
		assertThat(this.proxy.counts().received()).isEqualTo(200);
		assertThat(this.proxy.counts().failed()).isEqualTo(failures);
		assertThat(this.proxy.counts().forwarded()).isEqualTo(this.reachedBackend.get()).isEqualTo(200 - failures);
	}

	@Test
	void forwardsEverythingWhenNothingFailsAndPassesTheDeadlineOn() throws Exception {
		this.proxy.failing(0);
		for (int i = 0; i < 20; i++) {
			assertThat(get("/api/search?q=lamp").statusCode()).isEqualTo(200);
		}

		assertThat(this.reachedBackend).hasValue(20);
		assertThat(this.deadlineSeen).hasValue("250");
	}

	@Test
	void failsEverythingAtAShareOfOne() throws Exception {
		this.proxy.failing(1);
		for (int i = 0; i < 20; i++) {
			assertThat(get("/api/search?q=lamp").statusCode()).isEqualTo(503);
		}

		assertThat(this.reachedBackend).hasValue(0);
		assertThat(this.proxy.counts().failed()).isEqualTo(20);
	}

	@Test
	void startsCountingAgainAfterAReset() throws Exception {
		get("/api/search?q=lamp");
		this.proxy.reset();
		get("/api/search?q=lamp");

		assertThat(this.proxy.counts().received()).isEqualTo(1);
	}

	@Test
	void refusesAShareOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.proxy.failing(1.5));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(this.proxy.uri().resolve(path))
			.header("X-Request-Timeout-Ms", "250")
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
