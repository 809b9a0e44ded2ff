package io.designforfailure.storefront.web;

import io.designforfailure.storefront.search.ProductNotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers bad input with RFC 9457 problem details naming the field, never a stack trace.
 * A failing dependency never reaches here: the gateways turn it into a degraded section.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail handleInvalidInput(InvalidInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field());
	}

	@ExceptionHandler
	ProblemDetail handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Parameter '" + ex.getName() + "' has an invalid value", ex.getName());
	}

	@ExceptionHandler
	ProblemDetail handleProductNotFound(ProductNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "No product " + ex.productId(), "id");
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ex.getBody().setProperty("field", ex.getParameterName());
		return super.handleMissingServletRequestParameter(ex, headers, status, request);
	}

	private static ProblemDetail problem(HttpStatus status, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("field", field);
		return problem;
	}

}
