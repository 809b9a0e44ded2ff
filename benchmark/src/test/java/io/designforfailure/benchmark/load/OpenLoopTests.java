package io.designforfailure.benchmark.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arrivals keep their rate whatever the answers do, within the time given, and what could
 * not be sent is counted rather than dropped.
 */
class OpenLoopTests {

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer server;

	@AfterEach
	void stop() {
		this.release.countDown();
		this.server.stop(0);
	}

	@Test
	void sendsRequestsAtTheGivenRateForTheGivenTime() throws IOException, InterruptedException {
		URI uri = serve(false);
		OpenLoop load = new OpenLoop(this.http, Duration.ofSeconds(2), 100, 1000);

		load.start((n, zero) -> uri, System.nanoTime(), Duration.ofSeconds(1));
		load.awaitArrivals();
		List<Sample> samples = load.stop();

		// 100 a second for one second: the first at 0 ms, the last due at 990 ms.
		assertThat(samples).hasSize(100);
		assertThat(samples).allSatisfy((sample) -> assertThat(sample.outcome()).isEqualTo(Outcome.LIVE));
		assertThat(samples.stream().mapToLong(Sample::startMillis).max().orElseThrow()).isBetween(900L, 1100L);
	}

	@Test
	void keepsArrivingWhileNothingIsAnsweredAndCountsWhatItCouldNotSend() throws IOException, InterruptedException {
		URI uri = serve(true);
		// Patience 200 ms at 100 a second: about 20 would wait at once; 10 may.
		OpenLoop load = new OpenLoop(this.http, Duration.ofMillis(200), 100, 10);

		load.start((n, zero) -> uri, System.nanoTime(), Duration.ofSeconds(1));
		load.awaitArrivals();
		List<Sample> samples = load.stop();

		assertThat(samples).hasSize(100);
		assertThat(samples).allSatisfy((sample) -> assertThat(sample.outcome()).isEqualTo(Outcome.FAILED));
		assertThat(samples).filteredOn((sample) -> OpenLoop.UNSENT.equals(sample.reason())).isNotEmpty();
		assertThat(samples).filteredOn((sample) -> sample.reason() == null)
			.allSatisfy((sample) -> assertThat(sample.latencyMicros()).isGreaterThanOrEqualTo(200_000));
	}

	/** A server that answers a live section at once, or holds every request. */
	private URI serve(boolean hang) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", (exchange) -> {
			if (hang) {
				try {
					this.release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			byte[] body = "{\"results\":{\"degraded\":false}}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/search");
	}

}
