package io.designforfailure.storefront;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.designforfailure.web.tracing.RecordedSpans;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;

/**
 * The storefront on a random port in front of two WireMock servers standing in for its
 * dependencies over real HTTP. One context and one pair of servers serve every test class
 * that extends this; each test starts with empty stubs and closed breakers.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "storefront.recommendations.best-sellers.refresh-enabled=false",
				// Every request traced, to an in-memory span handler rather than Zipkin.
				RecordedSpans.EVERY_REQUEST, RecordedSpans.NOT_EXPORTED,
				// Kept views are not sent again behind the next test's back, so every
				// test counts only its own requests.
				"storefront.recommendations.views.first-retry=1h", "storefront.recommendations.views.max-retry=1h",
				// The throttle holds calls back at random by design: only the tests of it
				// (OverloadTests) switch it on, so no other test depends on chance.
				"storefront.guards.throttling.enabled=false" })
@Import({ WireMockTestSupport.MovableTime.class, RecordedSpans.Kept.class })
public abstract class WireMockTestSupport {

	protected static final WireMockServer recommendations = started();

	protected static final WireMockServer search = started();

	protected static final String SEARCH_PATH = "/api/search";

	protected static final String RECOMMENDATIONS_PATH = "/api/recommendations";

	@Autowired
	protected TestRestTemplate rest;

	@Autowired
	protected CircuitBreakerRegistry circuitBreakers;

	@DynamicPropertySource
	static void dependencies(DynamicPropertyRegistry registry) {
		registry.add("storefront.recommendations.base-url", recommendations::baseUrl);
		registry.add("storefront.search.base-url", search::baseUrl);
	}

	private static boolean warmedUp;

	@Autowired
	private ThreadPoolBulkheadRegistry threadPoolBulkheads;

	@Autowired
	protected MovableTicker ticker;

	@Autowired
	protected RecordedSpans spans;

	@BeforeEach
	void resetDependencies() {
		warmUpOnce();
		awaitViewsOfEarlierTests();
		recommendations.resetAll();
		search.resetAll();
		this.spans.clear();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		// Retries and shed answers of earlier tests leave the retry budget and the
		// throttle's windows: let them slide away.
		this.ticker.advance(Duration.ofMinutes(1));
	}

	/**
	 * The first calls in a fresh JVM load classes and open connections, which can take
	 * longer than an attempt may on a busy machine; tests measure the system warm, as it
	 * runs.
	 */
	private void warmUpOnce() {
		if (warmedUp) {
			return;
		}
		stubSearch(searchResults("warm-up"));
		stubRecommendations(popularRecommendations());
		for (int i = 0; i < 20; i++) {
			fetch("/api/search?q=warm-up-" + i);
			fetch("/api/home");
		}
		warmedUp = true;
	}

	/**
	 * Views are sent in the background: let those of an earlier test land before this one
	 * counts requests.
	 */
	private void awaitViewsOfEarlierTests() {
		ThreadPoolBulkhead.Metrics views = this.threadPoolBulkheads.bulkhead("views").getMetrics();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> views.getQueueDepth() == 0 && views.getActiveThreadCount() == 0);
	}

	private static WireMockServer started() {
		WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(60));
		server.start();
		return server;
	}

	/**
	 * GETs {@code path}, which must already be URL-encoded, and returns the answer for
	 * AssertJ's JSON assertions.
	 */
	protected StorefrontAnswer fetch(String path) {
		return StorefrontAnswer.get(this.rest, path);
	}

	/**
	 * GETs every path at once, one thread each, and returns the answers in the order of
	 * the paths once all have come.
	 */
	protected List<StorefrontAnswer> fetchAtOnce(List<String> paths) {
		ExecutorService users = Executors.newFixedThreadPool(paths.size());
		try {
			List<Future<StorefrontAnswer>> answers = new ArrayList<>();
			for (String path : paths) {
				answers.add(users.submit(() -> fetch(path)));
			}
			List<StorefrontAnswer> all = new ArrayList<>();
			for (Future<StorefrontAnswer> answer : answers) {
				all.add(answer.get(30, TimeUnit.SECONDS));
			}
			return all;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			users.shutdownNow();
		}
	}

	/** Sends {@code json} to {@code path} with {@code method}. */
	protected StorefrontAnswer send(HttpMethod method, String path, String json) {
		return StorefrontAnswer.send(this.rest, method, path, json);
	}

	protected static int requestsTo(WireMockServer server, String path) {
		return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
	}

	protected static int requestsMatching(WireMockServer server, RequestPatternBuilder pattern) {
		return server.countRequestsMatching(pattern.build()).getCount();
	}

	protected static void stubSearch(ResponseDefinitionBuilder response) {
		search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).willReturn(response));
	}

	/** Search answers 502, then 504, then results for {@code query}. */
	protected static void stubSearchFailingTwiceThenAnswering(String query) {
		search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(status(502))
			.willSetStateTo("failed once"));
		search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).inScenario("flaky")
			.whenScenarioStateIs("failed once")
			.willReturn(status(504))
			.willSetStateTo("failed twice"));
		search.stubFor(get(urlPathEqualTo(SEARCH_PATH)).inScenario("flaky")
			.whenScenarioStateIs("failed twice")
			.willReturn(searchResults(query)));
	}

	protected static void stubRecommendations(ResponseDefinitionBuilder response) {
		recommendations.stubFor(get(urlPathEqualTo(RECOMMENDATIONS_PATH)).willReturn(response));
	}

	protected static void stub(WireMockServer server, MappingBuilder mapping) {
		server.stubFor(mapping);
	}

	protected static ResponseDefinitionBuilder searchResults(String query) {
		return okJson("""
				{"query":"%s","total":2,"items":[
				 {"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,"score":3.2},
				 {"id":"p-0002","name":"Road Running Shoes","category":"running","price":109.00,"score":2.9}]}
				""".formatted(query));
	}

	protected static ResponseDefinitionBuilder personalRecommendations(String userId) {
		return okJson("""
				{"userId":"%s","strategy":"personalized","items":[
				 {"id":"p-0015","name":"Trail Gaiters","category":"running","price":21.00},
				 {"id":"p-0005","name":"Hydration Vest","category":"running","price":74.00}]}
				""".formatted(userId));
	}

	protected static ResponseDefinitionBuilder popularRecommendations() {
		return okJson("""
				{"userId":null,"strategy":"popular","items":[
				 {"id":"p-0070","name":"Bluetooth Speaker","category":"electronics","price":79.90}]}
				""");
	}

	/** recommendations-service taking a view. */
	protected static ResponseDefinitionBuilder viewAccepted() {
		return aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":\"accepted\"}");
	}

	protected static ResponseDefinitionBuilder status(int status) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{}");
	}

	/** Replaces the guards' ticker with one the tests can move. */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableTime {

		@Bean
		@Primary
		MovableTicker movableTicker() {
			return new MovableTicker();
		}

	}

}
