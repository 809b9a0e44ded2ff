package io.designforfailure.search.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter that passed type conversion but breaks a rule of the API, answered
 * as a 400 problem that names the parameter.
 */
public class InvalidParameterException extends ErrorResponseException {

	public InvalidParameterException(String field, String reason) {
		super(HttpStatus.BAD_REQUEST, ApiExceptionHandler.badParameter(field, reason), null);
	}

}
