package io.designforfailure.recommendations.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(UserViewsController.class)
class UserViewsControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ViewEventStore store;

	@Test
	void answersTheUsersViewsNewestFirstWithTheirTotal() throws Exception {
		given(this.store.views("ada", 10)).willReturn(
				new UserViews("ada", 41, List.of(new UserViews.Item("p-0042", Instant.parse("2026-12-01T10:15:00Z")))));

		this.mvc.perform(get("/api/users/ada/views")).andExpect(status().isOk()).andExpect(content().json("""
				{"userId":"ada","total":41,"items":[{"productId":"p-0042","viewedAt":"2026-12-01T10:15:00Z"}]}
				""", true));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/users/ada/views?limit=0      | limit
			/api/users/ada/views?limit=51     | limit
			/api/users/ada/views?limit=ten    | limit
			/api/users/a%20b/views            | userId
			""")
	void rejectsBadInputWithAProblemNamingTheField(String url, String field) throws Exception {
		this.mvc.perform(get(url))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field));
	}

}
