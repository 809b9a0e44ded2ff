package io.designforfailure.storefront.http;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/** Hands every request it creates to the {@link ExchangeTimer}, which may abort it. */
class AbortableRequestFactory extends HttpComponentsClientHttpRequestFactory {

	AbortableRequestFactory(HttpClient httpClient) {
		super(httpClient);
	}

	@Override
	protected void postProcessHttpRequest(ClassicHttpRequest request) {
		if (request instanceof Cancellable cancellable) {
			ExchangeTimer.register(cancellable);
		}
	}

}
