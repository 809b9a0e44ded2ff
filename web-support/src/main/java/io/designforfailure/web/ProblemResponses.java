package io.designforfailure.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * Writes problem details where Spring MVC does not: in a servlet filter that answers
 * before any controller, and in Tomcat's error report. Uses the application's own
 * {@link ObjectMapper}, so the JSON is the same as a controller's problem.
 */
public final class ProblemResponses {

	private final ObjectMapper mapper;

	ProblemResponses(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** Answers with {@code problem}: its status, its headers and its body. */
	public void send(HttpServletResponse response, ErrorResponse problem) throws IOException {
		problem.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		write(response, problem.getBody());
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = this.mapper.writeValueAsBytes(problem);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
