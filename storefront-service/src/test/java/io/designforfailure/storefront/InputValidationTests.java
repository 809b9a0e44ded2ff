package io.designforfailure.storefront;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, an unknown path and a wrong method are answered with problem details, never
 * a stack trace, and never reach a dependency.
 */
class InputValidationTests extends WireMockTestSupport {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/search                          | q
			/api/search?q=                       | q
			/api/search?q=%20%20%20              | q
			/api/home?userId=a%20b               | userId
			/api/home?userId=%3Cscript%3E        | userId
			/api/products/42                     | id
			/api/products/p-00001                | id
			/api/products/p-0001?userId=%2F%2F   | userId
			""")
	void rejectsBadInputWithAProblemNamingTheField(String path, String field) {
		assertBadRequest(fetch(path), field);
	}

	@Test
	void rejectsAQueryLongerThan200CharactersAfterTrimming() {
		assertBadRequest(fetch("/api/search?q=" + "a".repeat(201)), "q");
		assertThat(search.getAllServeEvents()).isEmpty();
	}

	@Test
	void acceptsAQueryOf200CharactersPaddedWithSpaces() {
		stubSearch(searchResults("long"));

		StorefrontAnswer answer = fetch("/api/search?q=%20%20" + "a".repeat(200) + "%20%20");

		assertThat(answer.status()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void answersAnUnknownPathWithAProblem() {
		StorefrontAnswer answer = fetch("/api/nothing-here");

		assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersAWrongMethodWithAProblem() {
		StorefrontAnswer answer = send(HttpMethod.POST, "/api/home", "{}");

		assertThat(answer.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static void assertBadRequest(StorefrontAnswer answer, String field) {
		assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer).extractingPath("$.field").asString().isEqualTo(field);
		assertThat(answer).extractingPath("$.detail").asString().isNotBlank();
		assertThat(answer.body().getJson()).doesNotContain("Exception").doesNotContain("at io.");
	}

}
