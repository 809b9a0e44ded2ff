package io.designforfailure.storefront.browser;

import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's chaos controls in a real browser, on a storefront with chaos enabled (the
 * same context as the chaos endpoint tests).
 */
@TestPropertySource(properties = "storefront.chaos.enabled=true")
class ChaosConsoleTests extends WireMockTestSupport {

	private static final String ASSAULTS = "/actuator/chaosmonkey/assaults";

	@RegisterExtension
	static final Browser browser = new Browser();

	@Test
	void injectsLatencyIntoSearchFromTheConsole() {
		stub(search, post(urlPathEqualTo(ASSAULTS)).willReturn(ok("Assault config has changed")));
		browser.open(this.rest.getRootUri() + "/console.html");
		browser.await("body[data-chaos=on][data-loaded=true]");

		WebElement latency = browser.await("[data-dependency=search] input[type=number]");
		latency.clear();
		latency.sendKeys("1500");
		browser.driver().findElement(By.cssSelector("[data-dependency=search] button.chaos-latency")).click();

		assertThat(browser.awaitText("[data-dependency=search] .chaos-result", "1500 ms").getText())
			.isEqualTo("search: every call now waits 1500 ms.");
		assertThat(requestsMatching(search, postRequestedFor(urlPathEqualTo(ASSAULTS)).withRequestBody(equalToJson(
				"{\"level\":1,\"latencyActive\":true,\"latencyRangeStart\":1500,\"latencyRangeEnd\":1500,\"exceptionsActive\":false}"))))
			.isEqualTo(1);
	}

	@Test
	void reportsADependencyWithoutChaosMonkeyInTheConsole() {
		browser.open(this.rest.getRootUri() + "/console.html");
		browser.await("body[data-chaos=on][data-loaded=true]");

		browser.driver().findElement(By.cssSelector("[data-dependency=recommendations] button.chaos-errors")).click();

		WebElement result = browser.await("[data-dependency=recommendations] .chaos-result[data-outcome=failed]");
		assertThat(result.getText()).contains("recommendations answered 404")
			.contains("is it running with the chaos-monkey profile?");
	}

}
