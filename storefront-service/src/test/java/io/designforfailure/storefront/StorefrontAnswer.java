package io.designforfailure.storefront;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.AssertProvider;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.http.HttpMessageContentConverter;
import org.springframework.test.json.JsonContent;
import org.springframework.test.json.JsonContentAssert;

/**
 * A storefront answer as a test sees it: its status, its content type, its JSON body and
 * how long it took. {@code assertThat(answer)} asserts on the body with AssertJ's JSON
 * assertions, and {@code assertThat(answer.section("results"))} on one section of it.
 *
 * @param status the HTTP status
 * @param contentType the media type of the body, {@code application/problem+json} for a
 * rejection
 * @param body the JSON body
 * @param elapsed how long the storefront took to answer
 * @param headers the response headers, such as {@code X-Trace-Id} and
 * {@code Server-Timing}
 */
public record StorefrontAnswer(HttpStatusCode status, MediaType contentType, JsonContent body, Duration elapsed,
		HttpHeaders headers) implements AssertProvider<JsonContentAssert> {

	/** Lets {@code convertTo(...)} turn a JSON value into a Java one. */
	private static final HttpMessageContentConverter JACKSON = HttpMessageContentConverter
		.of(new MappingJackson2HttpMessageConverter());

	/**
	 * GETs {@code path}, which must already be URL-encoded, so tests can send exactly the
	 * bytes they mean.
	 */
	public static StorefrontAnswer get(TestRestTemplate rest, String path) {
		return exchange(rest, HttpMethod.GET, path, HttpEntity.EMPTY);
	}

	/** Sends {@code json} to {@code path} with {@code method}, as the console does. */
	public static StorefrontAnswer send(TestRestTemplate rest, HttpMethod method, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return exchange(rest, method, path, new HttpEntity<>(json, headers));
	}

	private static StorefrontAnswer exchange(TestRestTemplate rest, HttpMethod method, String path,
			HttpEntity<?> request) {
		Instant start = Instant.now();
		ResponseEntity<String> response = rest.exchange(URI.create(rest.getRootUri() + path), method, request,
				String.class);
		Duration elapsed = Duration.between(start, Instant.now());
		// An answer without a body is empty text, which fails any JSON assertion made on
		// it.
		String body = Objects.requireNonNullElse(response.getBody(), "");
		return new StorefrontAnswer(response.getStatusCode(), response.getHeaders().getContentType(),
				new JsonContent(body, JACKSON), elapsed, response.getHeaders());
	}

	/** The {@code X-Trace-Id} header: the trace this answer was made in. */
	public String traceId() {
		return this.headers.getFirst("X-Trace-Id");
	}

	/** The section named {@code name}, such as {@code results} or {@code related}. */
	public AssertProvider<SectionAssert> section(String name) {
		return () -> new SectionAssert(this.body, name);
	}

	/**
	 * The value at the JSON path {@code path}, for a test that compares one answer with a
	 * later one.
	 */
	public <T> T read(String path) {
		return JsonPath.read(this.body.getJson(), path);
	}

	@Override
	public JsonContentAssert assertThat() {
		return new JsonContentAssert(this.body);
	}

}
