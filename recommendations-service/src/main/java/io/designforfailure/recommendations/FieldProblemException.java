package io.designforfailure.recommendations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A rejected request whose problem details name the offending field, so that a client
 * knows what to fix without parsing prose.
 */
public class FieldProblemException extends ErrorResponseException {

	public FieldProblemException(HttpStatus status, String field, String detail) {
		super(status, ApiExceptionHandler.problem(status, field, detail), null);
	}

}
