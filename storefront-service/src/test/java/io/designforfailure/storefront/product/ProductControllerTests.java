package io.designforfailure.storefront.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A product page shows the product and its related items, live. */
class ProductControllerTests extends WireMockTestSupport {

	@Test
	void productPageShowsTheProductAndRelatedItemsLive() {
		search.stubFor(get(urlPathEqualTo("/api/products/p-0001")).willReturn(okJson("""
				{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
				 "description":"Grippy.","tags":["shoes","trail"]}
				""")));
		recommendations.stubFor(get(urlPathEqualTo("/api/recommendations/products/p-0001")).willReturn(okJson("""
				{"productId":"p-0001","strategy":"also-viewed","items":[
				 {"id":"p-0015","name":"Trail Gaiters","category":"running","price":21.00}]}
				""")));

		JsonNode body = getJson("/api/products/p-0001").getBody();

		JsonNode product = body.get("product");
		assertThat(product.get("source").asText()).isEqualTo("live");
		assertThat(product.get("items").get(0).get("description").asText()).isEqualTo("Grippy.");
		assertThat(product.get("items").get(0).get("tags")).hasSize(2);
		JsonNode related = body.get("related");
		assertThat(related.get("source").asText()).isEqualTo("live");
		assertThat(related.get("items").get(0).get("id").asText()).isEqualTo("p-0015");
	}

}
