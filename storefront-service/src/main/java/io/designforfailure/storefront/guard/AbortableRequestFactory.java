package io.designforfailure.storefront.guard;

import java.time.Duration;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * Hands every request it creates to the {@link ExchangeTimer}, which may abort it, and
 * tells the dependency how long we will wait for it, so it can drop work nobody waits
 * for.
 */
class AbortableRequestFactory extends HttpComponentsClientHttpRequestFactory {

	/**
	 * The deadline hint: the milliseconds this attempt will still wait for its answer.
	 */
	static final String REQUEST_TIMEOUT_HEADER = "X-Request-Timeout-Ms";

	AbortableRequestFactory(HttpClient httpClient) {
		super(httpClient);
	}

	@Override
	protected void postProcessHttpRequest(ClassicHttpRequest request) {
		if (request instanceof Cancellable cancellable) {
			Duration remaining = ExchangeTimer.register(cancellable);
			if (remaining != null) {
				request.setHeader(REQUEST_TIMEOUT_HEADER, Long.toString(remaining.toMillis()));
			}
		}
	}

}
