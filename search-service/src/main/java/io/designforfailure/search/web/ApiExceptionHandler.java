package io.designforfailure.search.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every rejected request into an RFC 9457 problem; bad input additionally names the
 * offending parameter in a {@code field} property so that clients need not parse prose.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	static ProblemDetail badParameter(String field, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + reason);
		problem.setProperty("field", field);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, badParameter(ex.getParameterName(), "is required"), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "value";
		return badRequest(ex, badParameter(ex.getPropertyName(), "must be a valid " + type), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getParameterValidationResults().isEmpty()) {
			return super.handleHandlerMethodValidationException(ex, headers, status, request);
		}
		ParameterValidationResult result = ex.getParameterValidationResults().get(0);
		String field = result.getMethodParameter().getParameterName();
		String reason = result.getResolvableErrors().get(0).getDefaultMessage();
		return badRequest(ex, badParameter(field, reason), headers, request);
	}

	private ResponseEntity<Object> badRequest(Exception ex, ProblemDetail problem, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

}
