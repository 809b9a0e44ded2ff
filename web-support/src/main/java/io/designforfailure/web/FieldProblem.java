package io.designforfailure.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * A request a service will not serve, answered as RFC 9457 problem details; bad input
 * names the offending parameter, header or body property in a {@code field} property so
 * that a client knows what to fix without parsing prose.
 */
public final class FieldProblem extends ErrorResponseException {

	/** The problem property that names what the client sent wrong. */
	public static final String FIELD = "field";

	private FieldProblem(HttpStatus status, @Nullable String field, String detail) {
		super(status, problem(status, field, detail), null);
	}

	/** 400: {@code field} breaks a rule of the API. */
	public static FieldProblem badRequest(String field, String detail) {
		return new FieldProblem(HttpStatus.BAD_REQUEST, field, detail);
	}

	/** 404: {@code field} is well formed but names nothing that exists. */
	public static FieldProblem notFound(String field, String detail) {
		return new FieldProblem(HttpStatus.NOT_FOUND, field, detail);
	}

	/**
	 * 422: {@code field} is well formed but contradicts what the service already holds.
	 */
	public static FieldProblem unprocessable(String field, String detail) {
		return new FieldProblem(HttpStatus.UNPROCESSABLE_ENTITY, field, detail);
	}

	/**
	 * 503 with {@code Retry-After}: the request was fine, the service cannot serve it
	 * now. Names no field, because nothing the client sent is at fault.
	 */
	public static FieldProblem unavailable(Duration retryAfter, String detail) {
		FieldProblem problem = new FieldProblem(HttpStatus.SERVICE_UNAVAILABLE, null, detail);
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
		return problem;
	}

	/** The problem details every service answers with, naming {@code field} if given. */
	public static ProblemDetail problem(HttpStatusCode status, @Nullable String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (field != null) {
			problem.setProperty(FIELD, field);
		}
		return problem;
	}

}
