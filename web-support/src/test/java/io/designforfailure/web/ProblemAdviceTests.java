package io.designforfailure.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way Spring MVC rejects a request ends in the same problem details, naming the
 * field as the client sent it; the slice sees the advice only through the module's
 * auto-configuration.
 */
@WebMvcTest(ProblemsApplication.RulesController.class)
class ProblemAdviceTests {

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					/api/search                        | q      | q is required
					/api/search?q=                     | q      | q must not be blank
					/api/search?q=shoes&limit=abc      | limit  | limit must be of type int
					/api/search?q=shoes&limit=0        | limit  | limit must be greater than or equal to 1
					/api/users                         | userId | userId is required
					/api/users?userId=a/b              | userId | userId must be 1-64 characters of letters, digits, '.', '_', '@' or '-'
					/api/products/p-42                 | id     | id must look like p-0042
					""")
	void rejectsBadParametersNamingTheField(String url, String field, String detail) {
		assertProblem(this.mvc.get().uri(url).exchange(), HttpStatus.BAD_REQUEST, field, detail);
	}

	@Test
	void rejectsAQueryLongerThan200CharactersAfterTrimming() {
		assertThat(this.mvc.get().uri("/api/search").param("q", " " + "x".repeat(200) + " ")).hasStatusOk();
		assertProblem(this.mvc.get().uri("/api/search").param("q", "x".repeat(201)).exchange(), HttpStatus.BAD_REQUEST,
				"q", "q must be at most 200 characters after trimming");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"userId":"u",                        | body      | body must be a readable JSON object
			``                                    | body      | body must be a readable JSON object
			{"userId":{},"productId":"p-0001"}    | userId    | userId has a JSON value of the wrong type
			{"productId":"p-0001"}                | userId    | userId must not be null
			{"userId":"u","productId":"42"}       | productId | productId must look like p-0042
			""")
	void rejectsBadBodiesNamingTheProperty(String body, String field, String detail) {
		assertProblem(this.mvc.post()
			.uri("/api/views")
			.header("Idempotency-Key", "k-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content((body != null) ? body : "")
			.exchange(), HttpStatus.BAD_REQUEST, field, detail);
	}

	@Test
	void rejectsAMissingHeaderNamingIt() {
		assertProblem(this.mvc.post()
			.uri("/api/views")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"userId\":\"u\",\"productId\":\"p-0001\"}")
			.exchange(), HttpStatus.BAD_REQUEST, "Idempotency-Key", "Idempotency-Key is a required header");
	}

	@Test
	void rejectsAnUnsupportedContentTypeNamingTheHeader() {
		assertProblem(
				this.mvc.post()
					.uri("/api/views")
					.header("Idempotency-Key", "k-1")
					.contentType(MediaType.TEXT_PLAIN)
					.content("{}")
					.exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "Content-Type must be one of [application/json]");
	}

	@Test
	void answersAFieldProblemWithItsStatusAndField() {
		assertProblem(this.mvc.get().uri("/api/products/p-9999").exchange(), HttpStatus.NOT_FOUND, "id",
				"id p-9999 is not a product");
	}

	@Test
	void answersUnavailableWithRetryAfterAndNoField() {
		MvcTestResult result = this.mvc.get().uri("/api/busy").exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("Retry-After", "2");
		assertThat(result).bodyJson().doesNotHavePath("$.field");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("busy");
	}

	@Test
	void answersUnknownPathsAndWrongMethodsWithProblems() {
		assertThat(this.mvc.get().uri("/api/nothing-here")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.delete().uri("/api/search")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String field, String detail) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(detail);
	}

}
