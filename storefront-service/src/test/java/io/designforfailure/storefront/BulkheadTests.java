package io.designforfailure.storefront;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A stalled search fills its own bulkhead, and only its own. */
class BulkheadTests extends WireMockTestSupport {

	@Autowired
	private BulkheadRegistry bulkheads;

	@Autowired
	@Qualifier("relatedItemsExecutor")
	private ThreadPoolTaskExecutor relatedItemsExecutor;

	private final List<Bulkhead> held = new ArrayList<>();

	@AfterEach
	void releasePermits() {
		this.held.forEach(Bulkhead::onComplete);
		this.held.clear();
	}

	@Test
	void refusesSearchAtOnceWhenItsBulkheadIsFullWhileHomeStaysFast() {
		stubSearch(searchResults("stalled").withFixedDelay(5_000));
		stubRecommendations(personalRecommendations("ada"));
		Bulkhead searchBulkhead = this.bulkheads.bulkhead("search");
		// Twenty calls stuck on a stalled search hold every permit.
		while (searchBulkhead.tryAcquirePermission()) {
			this.held.add(searchBulkhead);
		}
		assertThat(this.held).hasSize(20);

		Timed searchAnswer = timed("/api/search?q=stalled");
		Timed home = timed("/api/home?userId=ada");

		JsonNode results = searchAnswer.body().get("results");
		assertThat(results.get("reason").asText()).isEqualTo("bulkhead-full");
		assertThat(searchAnswer.elapsed()).isLessThan(Duration.ofMillis(500));
		assertThat(requestsTo(search, SEARCH_PATH)).isZero();
		assertThat(home.body().get("recommendations").get("source").asText()).isEqualTo("live");
		assertThat(home.elapsed()).isLessThan(Duration.ofMillis(800));
		assertThat(getJson("/api/resilience").getBody()
			.get("dependencies")
			.get("search")
			.get("bulkhead")
			.get("availableConcurrentCalls")
			.asInt()).isZero();
	}

	@Test
	void answersAProductPageWithoutWaitingWhenEveryRelatedItemsThreadIsBusy() throws InterruptedException {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0001")).willReturn(okJson("""
				{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
				 "description":"Grippy.","tags":["shoes"]}
				""")));
		CountDownLatch release = new CountDownLatch(1);
		ThreadPoolExecutor fetchers = this.relatedItemsExecutor.getThreadPoolExecutor();
		try {
			occupyEveryThread(fetchers, release);

			Timed page = timed("/api/products/p-0001");

			assertThat(page.body().get("product").get("source").asText()).isEqualTo("live");
			assertThat(page.body().get("related").get("reason").asText()).isEqualTo("bulkhead-full");
			assertThat(page.elapsed()).isLessThan(Duration.ofMillis(800));
			assertThat(requestsTo(recommendations, "/api/recommendations/products/p-0001")).isZero();
		}
		finally {
			release.countDown();
		}
	}

	/**
	 * Gives every fetcher thread a task that blocks until {@code release}, and waits
	 * until all run.
	 */
	private static void occupyEveryThread(ThreadPoolExecutor fetchers, CountDownLatch release)
			throws InterruptedException {
		CountDownLatch running = new CountDownLatch(fetchers.getMaximumPoolSize());
		for (int submitted = 0, tries = 0; submitted < fetchers.getMaximumPoolSize() && tries < 1_000; tries++) {
			try {
				fetchers.execute(() -> {
					running.countDown();
					awaitQuietly(release);
				});
				submitted++;
			}
			catch (RejectedExecutionException stillFinishingEarlierWork) {
				Thread.sleep(5);
			}
		}
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aFullBulkheadIsNotABreakerFailure() {
		Bulkhead searchBulkhead = this.bulkheads.bulkhead("search");
		while (searchBulkhead.tryAcquirePermission()) {
			this.held.add(searchBulkhead);
		}

		for (int i = 0; i < 15; i++) {
			getJson("/api/search?q=crowded-" + i);
		}

		assertThat(this.circuitBreakers.circuitBreaker("search").getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(this.circuitBreakers.circuitBreaker("search").getState().name()).isEqualTo("CLOSED");
	}

}
