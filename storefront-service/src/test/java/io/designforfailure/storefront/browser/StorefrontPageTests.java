package io.designforfailure.storefront.browser;

import io.designforfailure.storefront.WireMockTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop page and the resilience console in a real headless Chromium, in front of the
 * same WireMock stand-ins as every other storefront test.
 */
class StorefrontPageTests extends WireMockTestSupport {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Test
	void showsLiveRecommendationsWithALiveBadge() {
		stubRecommendations(popularRecommendations());

		browser.open(url("/"));

		WebElement badge = browser.await("[data-section=recommendations] .badge[data-source=live]");
		assertThat(badge.getText()).isEqualTo("Live");
		assertThat(browser.awaitText("[data-section=recommendations] .products", "Bluetooth Speaker").getText())
			.contains("€79.90");
	}

	@Test
	void showsTheGenericListWhenRecommendationsFail() {
		stubRecommendations(status(503));

		browser.open(url("/"));

		WebElement badge = browser.await("[data-section=recommendations] .badge[data-source=fallback]");
		assertThat(badge.getText()).isEqualTo("Generic list: recommendations failing (unusable answers)");
		// The generic list is the last popular list seen, so its items depend on earlier
		// tests.
		assertThat(browser.driver().findElements(By.cssSelector("[data-section=recommendations] .product")))
			.isNotEmpty();
	}

	@Test
	void explainsAnOpenCircuitInWordsOnAProductPage() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0001")).willReturn(okJson("""
				{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
				 "description":"Grippy shoes for muddy trails.","tags":["running","trail","shoes"]}
				""")));
		this.circuitBreakers.circuitBreaker("recommendations").transitionToOpenState();

		browser.open(url("/#/product/p-0001"));

		assertThat(browser.await("[data-section=product] .badge").getText()).isEqualTo("Live");
		assertThat(browser.awaitText("h1", "Trail Running Shoes").getText()).isEqualTo("Trail Running Shoes");
		WebElement related = browser.await("[data-section=related] .badge[data-source=fallback]");
		assertThat(related.getText()).isEqualTo("Generic list: recommendations unavailable (circuit open)");
		browser.fullPageScreenshot("storefront-degraded");
	}

	@Test
	void showsCachedResultsWhenSearchFailsAfterASearch() {
		stubSearch(searchResults("running shoes"));
		browser.open(url("/"));
		WebElement box = browser.await("#search-input");
		box.sendKeys("running shoes", Keys.ENTER);
		browser.await("[data-section=search] .badge[data-source=live]");

		search.resetAll();
		stubSearch(status(503));
		browser.driver().findElement(By.cssSelector("#search-form button[type=submit]")).click();

		WebElement badge = browser.await("[data-section=search] .badge[data-source=cache]");
		assertThat(badge.getText()).matches("Cached \\d+ s ago: search failing \\(unusable answers\\)");
		assertThat(browser.await("[data-section=search] .products").getText()).contains("Road Running Shoes");
	}

	@Test
	void aDegradedSectionsBadgeOpensItsStoryWithItsTrace() {
		stubSearchFailingTwiceThenAnswering("story");
		fetch("/api/search?q=story");
		search.resetAll();
		stubSearch(status(503));
		browser.open(url("/#/search?q=story"));

		browser.await("[data-section=search] .badge[data-source=cache]").click();

		WebElement story = browser.await("[data-section=search] .story[open] .story-body");
		assertThat(story.findElements(By.cssSelector(".attempt-list li"))).extracting(WebElement::getText)
			.satisfiesExactly((first) -> assertThat(first).matches("Attempt 1 unusable answer in \\d+ ms"),
					(second) -> assertThat(second)
						.matches("Attempt 2 unusable answer in \\d+ ms, after waiting \\d+ ms"),
					(third) -> assertThat(third)
						.matches("Attempt 3 unusable answer in \\d+ ms, after waiting \\d+ ms"));
		assertThat(story.findElements(By.cssSelector(".bars .bar"))).hasSize(5);
		String traceId = fetch("/api/resilience").read("$.degraded[0].traceId");
		assertThat(story.findElement(By.cssSelector(".trace-link")).getAttribute("href"))
			.isEqualTo("http://localhost:9411/zipkin/traces/" + traceId);
		browser.fullPageScreenshot("storefront-story");
	}

	@Test
	void consoleListsTheLatestDegradedAnswersWithTheirAttemptsAndTraces() {
		stubSearch(status(503));
		String traceId = fetch("/api/search?q=console-story").traceId();

		browser.open(url("/console.html"));

		WebElement row = browser.await("#degraded tr[data-trace-id='" + traceId + "']");
		assertThat(row.getText()).contains("search", "fallback (error)", "Attempt 1 unusable answer",
				"Attempt 3 unusable answer");
		assertThat(row.findElement(By.cssSelector(".trace-link")).getAttribute("href")).endsWith("/" + traceId);
	}

	@Test
	void consoleShowsTheBreakerOpenedByFailingCalls() {
		stubRecommendations(status(503));
		for (int i = 0; i < 20 && breaker().getState() == CircuitBreaker.State.CLOSED; i++) {
			fetch("/api/home?userId=ada");
		}
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
		fetch("/api/home?userId=ada");

		browser.open(url("/console.html"));

		WebElement state = browser.await("[data-dependency=recommendations] .state[data-state=OPEN]");
		assertThat(state.getText()).isEqualTo("OPEN: calls refused");
		assertThat(state.getCssValue("background-color")).isEqualTo("rgba(179, 38, 30, 1)");
		assertThat(browser.await("[data-dependency=search] .state").getAttribute("data-state")).isEqualTo("CLOSED");
		assertThat(browser.awaitText("[data-dependency=recommendations] .timeline", "CLOSED → OPEN").getText())
			.startsWith("CLOSED → OPEN at");
		assertThat(browser.await("[data-dependency=recommendations] [data-metric=failureRate]").getText())
			.isEqualTo("100.0 %");
		assertThat(browser.await("[data-dependency=recommendations] [data-metric=notPermittedCalls]").getText())
			.isNotEqualTo("0");
		browser.fullPageScreenshot("console");
	}

	@Test
	void consoleOffersNoChaosControlsWhenChaosIsDisabled() {
		browser.open(url("/console.html"));

		browser.await("body[data-chaos=off][data-loaded=true]");

		assertThat(browser.driver().findElements(By.cssSelector(".chaos"))).isEmpty();
	}

	@Test
	void fitsA375PixelWideScreenWithoutSideways() {
		stubRecommendations(popularRecommendations());
		browser.resize(375, 812);
		try {
			browser.open(url("/"));
			browser.await("[data-section=recommendations] .badge");
			assertThat(scrollWidth()).isLessThanOrEqualTo(viewportWidth());
			browser.screenshot("storefront-375px");

			browser.open(url("/console.html"));
			browser.await("body[data-loaded=true]");
			assertThat(scrollWidth()).isLessThanOrEqualTo(viewportWidth());
		}
		finally {
			browser.resize(1280, 900);
		}
	}

	private CircuitBreaker breaker() {
		return this.circuitBreakers.circuitBreaker("recommendations");
	}

	private long scrollWidth() {
		return (Long) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth");
	}

	private long viewportWidth() {
		return (Long) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.clientWidth");
	}

	private String url(String path) {
		return this.rest.getRootUri() + path;
	}

}
