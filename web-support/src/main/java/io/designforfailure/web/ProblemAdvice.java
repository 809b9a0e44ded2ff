package io.designforfailure.web;

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
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every request that Spring MVC rejects with the same problem details, naming the
 * {@code field} as the client sent it (a parameter, a header, a JSON property, the body)
 * and saying in the {@code detail} what is wrong with it: "limit must be of type int".
 * {@link FieldProblem}s, 404 and 405 get the same shape through the base class.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return reject(ex, ex.getParameterName(), "is required", headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		return reject(ex, ex.getPropertyName(), "must be of type " + type, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getParameterValidationResults().isEmpty()) {
			return super.handleHandlerMethodValidationException(ex, headers, status, request);
		}
		ParameterValidationResult result = ex.getParameterValidationResults().get(0);
		FieldError error = (result instanceof ParameterErrors errors) ? errors.getFieldError() : null;
		if (error != null) {
			return reject(ex, error.getField(), error.getDefaultMessage(), headers, request);
		}
		return reject(ex, wireName(result.getMethodParameter()),
				result.getResolvableErrors().get(0).getDefaultMessage(), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldError error = ex.getBindingResult().getFieldError();
		if (error == null) {
			return reject(ex, "body", "is not valid", headers, request);
		}
		return reject(ex, error.getField(), error.getDefaultMessage(), headers, request);
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
		ProblemDetail body = FieldProblem.problem(status, HttpHeaders.CONTENT_TYPE,
				HttpHeaders.CONTENT_TYPE + " must be one of " + ex.getSupportedMediaTypes());
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	private ResponseEntity<Object> reject(Exception ex, String field, @Nullable String reason, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail body = FieldProblem.problem(HttpStatus.BAD_REQUEST, field,
				field + " " + ((reason != null) ? reason : "is not valid"));
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** The name a client used: a header's or parameter's declared name, else its own. */
	private static String wireName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && StringUtils.hasText(header.name())) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && StringUtils.hasText(param.name())) {
			return param.name();
		}
		return parameter.getParameterName();
	}

}
