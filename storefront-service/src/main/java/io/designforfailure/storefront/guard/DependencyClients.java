package io.designforfailure.storefront.guard;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Turns a dependency's {@code @HttpExchange} interface into a client on a pooled
 * HttpClient 5 with the dependency's timeouts, its body limit and exchanges the
 * {@link ExchangeTimer} can abort. Built from Boot's {@link RestClient.Builder} so that
 * its observations and metrics apply.
 */
@Component
public class DependencyClients implements DisposableBean {

	private final RestClient.Builder restClientBuilder;

	private final List<CloseableHttpClient> httpClients = new CopyOnWriteArrayList<>();

	DependencyClients(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = restClientBuilder;
	}

	public <C> C create(Class<C> exchangeInterface, DependencyProperties properties) {
		CloseableHttpClient httpClient = httpClient(properties);
		this.httpClients.add(httpClient);
		RestClient restClient = this.restClientBuilder.clone()
			.baseUrl(properties.baseUrl().toString())
			.requestFactory(new AbortableRequestFactory(httpClient))
			.requestInterceptor(new BodyLimitInterceptor(properties.maxBodySize()))
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
			.build()
			.createClient(exchangeInterface);
	}

	private static CloseableHttpClient httpClient(DependencyProperties properties) {
		Timeout responseTimeout = Timeout.of(properties.responseTimeout());
		// Per read, a backstop only: the ExchangeTimer bounds each whole attempt, and no
		// read
		// may outlast the call's budget even if it failed to.
		Timeout readTimeout = Timeout.of(properties.budget());
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			// The bulkheads bound how many calls are in flight; the pool must not be a
			// second, hidden limit that a guarded call waits for.
			.setMaxConnTotal(Integer.MAX_VALUE)
			.setMaxConnPerRoute(Integer.MAX_VALUE)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(properties.connectTimeout()))
				.setSocketTimeout(readTimeout)
				// A restarted dependency leaves dead pooled connections behind: check
				// before reuse.
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.build())
			.build();
		return HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(responseTimeout)
				.setResponseTimeout(readTimeout)
				.build())
			// Retries belong to Resilience4j alone, where they are counted and bounded by
			// the budget.
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.evictExpiredConnections()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
	}

	@Override
	public void destroy() {
		this.httpClients.forEach((client) -> client.close(CloseMode.GRACEFUL));
	}

}
