package io.designforfailure.recommendations;

import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every rejected request into RFC 9457 problem details that name the offending
 * field, in a {@code field} property and in the {@code detail}, never a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	static ProblemDetail problem(HttpStatusCode status, String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("field", field);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ParameterValidationResult result = ex.getParameterValidationResults().get(0);
		FieldError error = (result instanceof ParameterErrors errors) ? errors.getFieldError() : null;
		if (error != null) {
			return reject(ex, error.getField(), error.getDefaultMessage(), headers, request);
		}
		return reject(ex, wireName(result.getMethodParameter()),
				result.getResolvableErrors().get(0).getDefaultMessage(), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		return reject(ex, ex.getPropertyName(), "must be of type " + type, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return reject(ex, missing.getHeaderName(), "is a required header", headers, request);
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// A value of the wrong shape has a JSON path; a syntax error or a missing body
		// has none, and then the body as a whole is at fault.
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String path = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			return reject(ex, path, "has a JSON value of the wrong type", headers, request);
		}
		return reject(ex, "body", "must be a readable JSON object", headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = problem(status, HttpHeaders.CONTENT_TYPE,
				HttpHeaders.CONTENT_TYPE + " must be one of " + ex.getSupportedMediaTypes());
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	private ResponseEntity<Object> reject(Exception ex, String field, String message, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, field, field + " " + message);
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** The name a client used: a header's name, else the parameter's own name. */
	private static String wireName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		return (header != null) ? header.name() : parameter.getParameterName();
	}

}
