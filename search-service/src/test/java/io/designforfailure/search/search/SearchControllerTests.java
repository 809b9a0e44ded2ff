package io.designforfailure.search.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SearchController.class)
@Import(ProductIndex.class)
class SearchControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void answersWithTrimmedQueryTotalAndScoredSummaries() throws Exception {
		this.mvc.perform(get("/api/search").param("q", "  running shoes  ").param("limit", "3"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.query").value("running shoes"))
			.andExpect(jsonPath("$.total").value(greaterThan(3)))
			.andExpect(jsonPath("$.items.length()").value(3))
			.andExpect(jsonPath("$.items[0].id").isString())
			.andExpect(jsonPath("$.items[0].name").isString())
			.andExpect(jsonPath("$.items[0].category").value("running"))
			.andExpect(jsonPath("$.items[0].price").isNumber())
			.andExpect(jsonPath("$.items[0].score").isNumber());
	}

	@Test
	void writesPricesWithTwoDecimals() throws Exception {
		String body = this.mvc.perform(get("/api/search").param("q", "trail running shoes"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body)
			.contains("{\"id\":\"p-0001\",\"name\":\"Trail Running Shoes\",\"category\":\"running\",\"price\":89.90,");
	}

	@Test
	void returnsTenItemsByDefault() throws Exception {
		this.mvc.perform(get("/api/search").param("q", "running"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(greaterThan(10)))
			.andExpect(jsonPath("$.items.length()").value(10));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "50" })
	void acceptsLimitsAtTheBounds(String limit) throws Exception {
		this.mvc.perform(get("/api/search").param("q", "shoes").param("limit", limit)).andExpect(status().isOk());
	}

	@Test
	void acceptsTwoHundredCharactersAfterTrimming() throws Exception {
		String query = "x".repeat(200);

		this.mvc.perform(get("/api/search").param("q", "  " + query + "  "))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.query").value(query))
			.andExpect(jsonPath("$.total").value(0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"shoes AND (", "*:*", "\\", "shoes)", "[", "title:\"x", "&&", "/" })
	void answersLuceneSyntaxWithoutError(String query) throws Exception {
		this.mvc.perform(get("/api/search").param("q", query))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.query").value(query));
	}

	@Test
	void rejectsMissingQuery() throws Exception {
		expectBadParameter(get("/api/search").param("limit", "5"), "q");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "   ", "\t\n" })
	void rejectsBlankQuery(String query) throws Exception {
		expectBadParameter(get("/api/search").param("q", query), "q");
	}

	@Test
	void rejectsQueryLongerThanTwoHundredCharactersAfterTrimming() throws Exception {
		expectBadParameter(get("/api/search").param("q", " " + "x".repeat(201) + " "), "q");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "51", "-1", "abc", "1.5", "99999999999" })
	void rejectsLimitThatIsNotANumberFromOneToFifty(String limit) throws Exception {
		expectBadParameter(get("/api/search").param("q", "shoes").param("limit", limit), "limit");
	}

	private ResultActions expectBadParameter(MockHttpServletRequestBuilder request, String field) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(containsString(field)));
	}

}
