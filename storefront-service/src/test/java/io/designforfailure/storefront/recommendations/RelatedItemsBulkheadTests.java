package io.designforfailure.storefront.recommendations;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Related items are fetched on the threads of their own bulkhead, beside the product;
 * when every one is busy, the page does not wait for one.
 */
class RelatedItemsBulkheadTests extends WireMockTestSupport {

	@Autowired
	private ThreadPoolBulkheadRegistry threadPoolBulkheads;

	@Autowired
	private RecommendationsProperties properties;

	@Test
	void answersAProductPageWithoutWaitingWhenEveryRelatedItemsThreadIsBusy() throws InterruptedException {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0001")).willReturn(okJson("""
				{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
				 "description":"Grippy.","tags":["shoes"]}
				""")));
		ThreadPoolBulkhead fetchers = this.threadPoolBulkheads.bulkhead(this.properties.relatedItemsBulkhead());
		CountDownLatch release = new CountDownLatch(1);
		try {
			int occupied = occupyEveryThread(fetchers, release);
			assertThat(occupied).isEqualTo(fetchers.getBulkheadConfig().getMaxThreadPoolSize());

			StorefrontAnswer page = fetch("/api/products/p-0001");

			assertThat(page.section("product")).hasSource("live");
			assertThat(page.section("related")).hasReason("bulkhead-full");
			assertThat(page.elapsed()).isLessThan(Duration.ofMillis(800));
			assertThat(requestsTo(recommendations, "/api/recommendations/products/p-0001")).isZero();
		}
		finally {
			release.countDown();
		}
	}

	/** Gives every fetcher thread a task that blocks until {@code release}. */
	private static int occupyEveryThread(ThreadPoolBulkhead fetchers, CountDownLatch release) {
		int occupied = 0;
		for (int tries = 0; tries < 1_000; tries++) {
			try {
				fetchers.executeRunnable(() -> awaitQuietly(release));
				occupied++;
			}
			catch (BulkheadFullException full) {
				return occupied;
			}
		}
		return occupied;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
