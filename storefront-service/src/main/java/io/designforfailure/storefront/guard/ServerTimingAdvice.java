package io.designforfailure.storefront.guard;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes the {@code Server-Timing} header of every answer that called a dependency, just
 * before its body, when every call it waits for has ended.
 */
@ControllerAdvice
class ServerTimingAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (request instanceof ServletServerHttpRequest servlet) {
			ServerHttpObservationFilter.findObservationContext(servlet.getServletRequest())
				.flatMap(ServerTimings::in)
				.ifPresent((timings) -> response.getHeaders().set(ServerTimings.HEADER, timings.header()));
		}
		return body;
	}

}
