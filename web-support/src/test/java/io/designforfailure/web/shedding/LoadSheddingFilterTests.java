package io.designforfailure.web.shedding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.designforfailure.web.ProblemsApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With each limit pinned at two, two requests held in flight fill it: the next of their
 * kind is shed, actuator still answers, and once the two finish the limit has room again.
 * Reads and writes have a limit each.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = ProblemsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "service.load-shedding.enabled=true", "service.load-shedding.initial-limit=2",
				"service.load-shedding.min-limit=2", "service.load-shedding.max-limit=2" })
class LoadSheddingFilterTests {

	private static final int LIMIT = 2;

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	@AfterEach
	void releaseHeldRequests() {
		ProblemsApplication.release.countDown();
	}

	@Test
	void shedsWhatIsOverTheLimitAtOnceWithoutCallingTheController() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> held = fillTheLimit("GET");
		assertThat(inFlight("reads")).isEqualTo(LIMIT);
		int invocations = ProblemsApplication.invocations.get();
		double shed = shed();

		HttpResponse<String> overLimit = send("/api/deadline");

		assertThat(overLimit.statusCode()).isEqualTo(503);
		assertThat(overLimit.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(overLimit.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(this.json.from(overLimit.body())).extractingJsonPathNumberValue("$.status").isEqualTo(503);
		assertThat(ProblemsApplication.invocations.get()).isEqualTo(invocations);
		assertThat(shed()).isEqualTo(shed + 1);

		assertReleasedAndAnswered(held);
		assertThat(send("/api/deadline").statusCode()).isEqualTo(200);
	}

	@Test
	void writesThatFillTheirLimitDoNotShedReads() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> held = fillTheLimit("POST");
		assertThat(inFlight("writes")).isEqualTo(LIMIT);
		assertThat(inFlight("reads")).isZero();

		assertThat(send("/api/deadline").statusCode()).isEqualTo(200);
		assertThat(this.client.send(request("/api/hold", "POST"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(503);

		assertReleasedAndAnswered(held);
	}

	@Test
	void neverShedsActuator() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> held = fillTheLimit("GET");

		assertThat(send("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(send("/actuator/prometheus").body()).contains("http_concurrency_limit", "http_concurrency_in_flight",
				"http_requests_shed_total");

		assertReleasedAndAnswered(held);
	}

	/**
	 * Holds as many requests of the method's kind in the controller as its limit allows.
	 */
	private List<CompletableFuture<HttpResponse<String>>> fillTheLimit(String method) throws InterruptedException {
		ProblemsApplication.entered = new CountDownLatch(LIMIT);
		ProblemsApplication.release = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, LIMIT)
			.mapToObj((i) -> this.client.sendAsync(request("/api/hold", method), HttpResponse.BodyHandlers.ofString()))
			.toList();
		assertThat(ProblemsApplication.entered.await(30, TimeUnit.SECONDS)).isTrue();
		return held;
	}

	private static void assertReleasedAndAnswered(List<CompletableFuture<HttpResponse<String>>> held) throws Exception {
		ProblemsApplication.release.countDown();
		for (CompletableFuture<HttpResponse<String>> response : held) {
			assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
	}

	private double shed() {
		return this.registry.get(LoadSheddingAutoConfiguration.SHED)
			.tag(LoadSheddingAutoConfiguration.WORK_TAG, "reads")
			.counter()
			.count();
	}

	private double inFlight(String work) {
		return this.registry.get(LoadSheddingAutoConfiguration.IN_FLIGHT)
			.tag(LoadSheddingAutoConfiguration.WORK_TAG, work)
			.gauge()
			.value();
	}

	private HttpRequest request(String path, String method) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
	}

	private HttpResponse<String> send(String path) throws Exception {
		return this.client.send(request(path, "GET"), HttpResponse.BodyHandlers.ofString());
	}

}
