package io.designforfailure.recommendations.recommend;

import io.designforfailure.recommendations.history.ViewHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(RecommendationsController.class)
@Import({ Recommender.class, RecommendationsControllerTests.EmptyHistory.class })
class RecommendationsControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void answersAnonymousVisitorsWithPopularProductsAndPricesInCents() throws Exception {
		this.mvc.perform(get("/api/recommendations").param("limit", "3"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(content().string(containsString("\"userId\":null")))
			.andExpect(jsonPath("$.strategy").value("popular"))
			.andExpect(jsonPath("$.items", hasSize(3)))
			.andExpect(content().string(containsString(
					"{\"id\":\"p-0001\",\"name\":\"Trail Running Shoes\",\"category\":\"running\",\"price\":89.90}")));
	}

	@Test
	void returnsTenItemsUnlessAskedOtherwise() throws Exception {
		this.mvc.perform(get("/api/recommendations").param("userId", "alice@example.com"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.userId").value("alice@example.com"))
			.andExpect(jsonPath("$.items", hasSize(10)));
		this.mvc.perform(get("/api/recommendations/products/p-0001"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(10)));
	}

	@Test
	void relatesOtherProductsOfTheSameCategoryToAProductNobodyViewed() throws Exception {
		this.mvc.perform(get("/api/recommendations/products/p-0001").param("limit", "50"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.productId").value("p-0001"))
			.andExpect(jsonPath("$.strategy").value("same-category"))
			.andExpect(jsonPath("$.items", hasSize(21)))
			.andExpect(jsonPath("$.items[*].id", not(hasItem("p-0001"))));
	}

	@ParameterizedTest(name = "{0} -> {1} naming {2}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/recommendations?limit=0                     | 400 | limit
			/api/recommendations?limit=51                    | 400 | limit
			/api/recommendations?limit=-1                    | 400 | limit
			/api/recommendations?limit=abc                   | 400 | limit
			/api/recommendations?limit=99999999999           | 400 | limit
			/api/recommendations?userId=                     | 400 | userId
			/api/recommendations?userId=bad id               | 400 | userId
			/api/recommendations?userId=a/b                  | 400 | userId
			/api/recommendations?userId=ünïcode              | 400 | userId
			/api/recommendations?userId=a&userId=b           | 400 | userId
			/api/recommendations/products/p-42               | 400 | id
			/api/recommendations/products/P-0001             | 400 | id
			/api/recommendations/products/p-00001            | 400 | id
			/api/recommendations/products/p-0001?limit=0     | 400 | limit
			/api/recommendations/products/p-0001?limit=x     | 400 | limit
			/api/recommendations/products/p-9999             | 404 | id
			""")
	void rejectsBadInputWithAProblemNamingTheField(String url, int status, String field) throws Exception {
		assertProblem(url, status, field);
	}

	@Test
	void rejectsAUserIdLongerThanSixtyFourCharacters() throws Exception {
		this.mvc.perform(get("/api/recommendations").param("userId", "u".repeat(64))).andExpect(status().isOk());
		assertProblem("/api/recommendations?userId=" + "u".repeat(65), 400, "userId");
	}

	@Test
	void answersUnknownPathsAndWrongMethodsWithProblems() throws Exception {
		this.mvc.perform(get("/api/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(delete("/api/recommendations"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private void assertProblem(String url, int status, String field) throws Exception {
		this.mvc.perform(get(url))
			.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail", containsString(field)));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class EmptyHistory {

		@Bean
		ViewHistory viewHistory() {
			return new ViewHistory(100, 20);
		}

	}

}
