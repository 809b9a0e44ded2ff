package io.designforfailure.search.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProductController.class)
class ProductControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void returnsTheFullProduct() throws Exception {
		this.mvc.perform(get("/api/products/p-0001"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(content().json("""
					{"id":"p-0001","name":"Trail Running Shoes","category":"running","price":89.90,
					 "description":"Grippy lugged outsole and a rock plate for technical mountain trails.",
					 "tags":["shoes","trail","running"]}
					""", true));
	}

	@Test
	void writesThePriceWithTwoDecimals() throws Exception {
		this.mvc.perform(get("/api/products/p-0001")).andExpect(content().string(containsString("\"price\":89.90,")));
	}

	@Test
	void answersNotFoundForAnUnknownProduct() throws Exception {
		this.mvc.perform(get("/api/products/p-9999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value(containsString("p-9999")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "p-1", "p-00001", "P-0001", "p-000a", "p-0001 ", "%20" })
	void rejectsAMalformedId(String id) throws Exception {
		this.mvc.perform(get("/api/products/{id}", id))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("id"))
			.andExpect(jsonPath("$.detail").value(containsString("id")));
	}

}
