package io.designforfailure.storefront.guard;

import io.designforfailure.storefront.WireMockTestSupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
		Instant start = Instant.now();
		ResponseEntity<JsonNode> home = this.rest.getForEntity("/api/home?userId=ada", JsonNode.class);

		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(1500));
		assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode section = home.getBody().get("recommendations");
		assertThat(section.get("source").asText()).isEqualTo("fallback");
		assertThat(section.get("reason").asText()).isEqualTo("unavailable");
		assertThat(section.get("items")).as("the shipped best sellers").hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void servesAnEmptyProductSectionWhenSearchHasNeverAnswered() {
		ResponseEntity<JsonNode> page = this.rest.getForEntity("/api/products/p-0001", JsonNode.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode product = page.getBody().get("product");
		assertThat(product.get("source").asText()).isEqualTo("fallback");
		assertThat(product.get("reason").asText()).isEqualTo("unavailable");
		assertThat(product.get("items")).isEmpty();
		assertThat(page.getBody().get("related").get("items")).extracting((item) -> item.get("id").asText())
			.doesNotContain("p-0001");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
