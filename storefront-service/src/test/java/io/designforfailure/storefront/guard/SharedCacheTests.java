package io.designforfailure.storefront.guard;

import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.StorefrontApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas share what they know through a real Redis: what replica A fetched live,
 * replica B serves from the shared level while the dependency is down, with A's
 * {@code asOf}, as {@code cache}; so does a replica started after A fetched it. The
 * test's own storefront is replica A; replica B is a second storefront in the same JVM,
 * on its own port, with its own in-process cache.
 */
@TestPropertySource(properties = { "storefront.cache.connection.connect-timeout=" + SharedCacheTests.PATIENT,
		"storefront.cache.connection.command-timeout=" + SharedCacheTests.PATIENT })
class SharedCacheTests extends SharedLevelTestSupport {

	/**
	 * What is shared is the point here, not how long Redis may take (RedisFaultTests): on
	 * a busy machine 50 ms is sometimes too short for a healthy Redis.
	 */
	static final String PATIENT = "2s";

	private ConfigurableApplicationContext replicaB;

	@BeforeEach
	void startReplicaB() {
		this.replicaB = replica();
	}

	@AfterEach
	void stopReplicaB() {
		this.replicaB.close();
	}

	@Test
	void replicaBServesTheSearchReplicaAFetchedWithItsAsOf() {
		stubSearch(searchResults("tent"));
		StorefrontAnswer live = fetch("/api/search?q=tent");
		assertThat(live.section("results")).isLive();
		search.resetAll();
		stubSearch(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		StorefrontAnswer fromB = awaitCached(this.replicaB, "/api/search?q=%20TENT", "results");

		assertThat(fromB).extractingPath("$.results.asOf").isEqualTo(live.read("$.results.asOf"));
		assertThat(fromB).extractingPath("$.results.items").isEqualTo(live.read("$.results.items"));
	}

	@Test
	void aReplicaStartedAfterAFetchedServesItToo() {
		stubSearch(searchResults("lantern"));
		StorefrontAnswer live = fetch("/api/search?q=lantern");
		search.resetAll();
		stubSearch(status(503));
		awaitCached(this.replicaB, "/api/search?q=lantern", "results");
		this.replicaB.close();

		this.replicaB = replica();
		assertThat(this.replicaB.getBean(RedisLevel.class).details()).as("connected as it started")
			.containsEntry("connected", true);
		StorefrontAnswer fromRestarted = awaitCached(this.replicaB, "/api/search?q=lantern", "results");

		assertThat(fromRestarted).extractingPath("$.results.asOf").isEqualTo(live.read("$.results.asOf"));
	}

	@Test
	void replicaBServesTheProductReplicaAFetched() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0021")).willReturn(okJson("""
				{"id":"p-0021","name":"Two-Person Backpacking Tent","category":"outdoor","price":249.00,
				 "description":"Freestanding.","tags":["tent"]}
				""")));
		StorefrontAnswer live = fetch("/api/products/p-0021");
		search.resetAll();
		search.stubFor(get(urlPathEqualTo("/api/products/p-0021")).willReturn(status(503)));

		StorefrontAnswer fromB = awaitCached(this.replicaB, "/api/products/p-0021", "product");

		assertThat(fromB).extractingPath("$.product.asOf").isEqualTo(live.read("$.product.asOf"));
		assertThat(fromB).extractingPath("$.product.items").isEqualTo(live.read("$.product.items"));
	}

	@Test
	void replicaBFallsBackToTheBestSellersReplicaAFetched() {
		stubRecommendations(popularRecommendations());
		StorefrontAnswer live = fetch("/api/home");
		recommendations.resetAll();
		stubRecommendations(status(503));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			StorefrontAnswer fromB = StorefrontAnswer.get(rest(this.replicaB), "/api/home");
			assertThat(fromB.section("recommendations")).hasSource("fallback");
			assertThat(fromB).extractingPath("$.recommendations.items[0].id").isEqualTo("p-0070");
			assertThat(fromB).extractingPath("$.recommendations.asOf").isEqualTo(live.read("$.recommendations.asOf"));
		});
	}

	/**
	 * Waits for replica A's write to land, which it makes off the request thread, and
	 * returns replica B's answer served from it.
	 */
	private static StorefrontAnswer awaitCached(ConfigurableApplicationContext replica, String path, String section) {
		TestRestTemplate rest = rest(replica);
		return await().atMost(Duration.ofSeconds(10)).until(() -> StorefrontAnswer.get(rest, path), (answer) -> {
			assertThat(answer.section(section)).hasSource("cache");
			return true;
		});
	}

	private static ConfigurableApplicationContext replica() {
		return new SpringApplicationBuilder(StorefrontApplication.class).run("--server.port=0",
				"--storefront.cache.redis-url=" + redis.url(), "--storefront.search.base-url=" + search.baseUrl(),
				"--storefront.recommendations.base-url=" + recommendations.baseUrl(),
				"--storefront.recommendations.best-sellers.refresh-enabled=false",
				"--storefront.recommendations.views.enabled=false", "--spring.jmx.enabled=false",
				"--storefront.cache.connection.connect-timeout=" + PATIENT,
				"--storefront.cache.connection.command-timeout=" + PATIENT);
	}

	private static TestRestTemplate rest(ConfigurableApplicationContext replica) {
		String port = replica.getEnvironment().getProperty("local.server.port");
		return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
	}

}
