package io.designforfailure.benchmark.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A proxy on a free loopback port in front of one dependency that answers {@code 503}
 * without {@code Retry-After} (a transient failure, which a client may retry) to a given
 * fraction of the requests, chosen by a seeded generator, and forwards the rest. Chaos
 * Monkey cannot fail a fraction of calls: its exceptions assault fails every n-th. It
 * counts what it received, so a run can tell how many calls each storefront request cost.
 */
public final class FlakyProxy implements AutoCloseable {

	/** The headers a storefront sends that the dependency acts on. */
	private static final List<String> FORWARDED = List.of("Accept", "X-Request-Timeout-Ms", "traceparent");

	/**
	 * Far above the calls in flight a run makes (a guarded storefront's bulkhead allows
	 * 20, eight users without it hold eight); beyond it requests wait in the queue.
	 */
	private static final int THREADS = 64;

	/**
	 * Longer than any answer of a healthy dependency; the retry storm never slows it
	 * down.
	 */
	private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

	static {
		// The JDK server writes headers and body apart; with Nagle's algorithm on, each
		// answer waits for the client's delayed ACK, some 40 ms on loopback. Read once,
		// when the first server of the JVM is made.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final URI target;

	private final Random random;

	private final HttpServer server;

	private final ExecutorService executor;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private volatile double failing;

	/**
	 * @param target the dependency's base URI, on loopback
	 * @param seed the generator's seed, so a run's failures can be drawn again
	 */
	public FlakyProxy(URI target, long seed) {
		this.target = target;
		this.random = new Random(seed);
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "flaky-proxy");
					thread.setDaemon(true);
					return thread;
				});
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on loopback for the proxy", ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Where callers reach the dependency through this proxy. */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * From now on, answer this share of requests with 503 and forward the rest.
	 * @param share 0 (forward all) to 1 (fail all)
	 */
	public void failing(double share) {
		if (share < 0 || share > 1) {
			throw new IllegalArgumentException("A share between 0 and 1, not " + share);
		}
		this.failing = share;
	}

	/** What the proxy received and failed since it started or was last reset. */
	public Counts counts() {
		return new Counts(this.received.get(), this.failed.get());
	}

	public void reset() {
		this.received.set(0);
		this.failed.set(0);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** Draws whether the next request fails, and counts it. */
	boolean nextFails() {
		this.received.incrementAndGet();
		boolean fails = this.random.nextDouble() < this.failing;
		if (fails) {
			this.failed.incrementAndGet();
		}
		return fails;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
			if (nextFails()) {
				byte[] problem = "{\"title\":\"Service Unavailable\",\"status\":503}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
				respond(exchange, 503, problem);
				return;
			}
			forward(exchange);
		}
	}

	private void forward(HttpExchange exchange) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.target.resolve(exchange.getRequestURI()))
			.timeout(FORWARD_TIMEOUT)
			.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
		for (String header : FORWARDED) {
			String value = exchange.getRequestHeaders().getFirst(header);
			if (value != null) {
				request.header(header, value);
			}
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			response.headers()
				.firstValue("Content-Type")
				.ifPresent((type) -> exchange.getResponseHeaders().set("Content-Type", type));
			response.headers()
				.firstValue("Retry-After")
				.ifPresent((after) -> exchange.getResponseHeaders().set("Retry-After", after));
			respond(exchange, response.statusCode(), response.body());
		}
		catch (IOException ex) {
			// The dependency did not answer: the caller sees what it would have seen, no
			// answer.
			exchange.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.close();
		}
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/**
	 * Requests the proxy saw.
	 *
	 * @param received every request that reached it
	 * @param failed those it answered with 503 itself
	 */
	public record Counts(long received, long failed) {

		public long forwarded() {
			return this.received - this.failed;
		}

	}

}
