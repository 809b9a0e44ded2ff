package io.designforfailure.storefront.product;

import io.designforfailure.storefront.StorefrontAnswer;
import io.designforfailure.storefront.WireMockTestSupport;
import org.junit.jupiter.api.Test;

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

		StorefrontAnswer page = fetch("/api/products/p-0001");

		assertThat(page.section("product")).isLive();
		assertThat(page.section("product")).extractingPath("items[0].description").asString().isEqualTo("Grippy.");
		assertThat(page.section("product")).extractingPath("items[0].tags").asArray().hasSize(2);
		assertThat(page.section("related")).isLive();
		assertThat(page.section("related")).extractingPath("items[0].id").asString().isEqualTo("p-0015");
	}

}
