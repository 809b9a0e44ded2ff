package io.designforfailure.storefront.guard;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import io.designforfailure.storefront.StorefrontAnswer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Both dependencies gone: nothing listens where they should be. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "storefront.recommendations.best-sellers.refresh-enabled=false")
class ConnectionRefusedTests {

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void nothingListening(DynamicPropertyRegistry registry) throws IOException {
		String url = "http://127.0.0.1:" + freePort();
		registry.add("storefront.recommendations.base-url", () -> url);
		registry.add("storefront.search.base-url", () -> url);
	}

	@Test
	void servesTheGenericListWhenRecommendationsRefusesConnections() {
		StorefrontAnswer home = StorefrontAnswer.get(this.rest, "/api/home?userId=ada");

		assertThat(home.elapsed()).isLessThan(Duration.ofMillis(1500));
		assertThat(home.status()).isEqualTo(HttpStatus.OK);
		assertThat(home.section("recommendations")).isDegraded("fallback", "unavailable")
			.hasAttempts("unavailable", "unavailable", "unavailable")
			.items()
			.as("the shipped best sellers")
			.hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void servesAnEmptyProductSectionWhenSearchHasNeverAnswered() {
		StorefrontAnswer page = StorefrontAnswer.get(this.rest, "/api/products/p-0001");

		assertThat(page.status()).isEqualTo(HttpStatus.OK);
		assertThat(page.section("product")).isDegraded("fallback", "unavailable").items().isEmpty();
		assertThat(page.section("related")).items().extracting("id").doesNotContain("p-0001");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
