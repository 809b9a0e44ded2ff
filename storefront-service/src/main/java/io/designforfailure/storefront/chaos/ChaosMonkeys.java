package io.designforfailure.storefront.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Forwards assaults to each dependency's Chaos Monkey. A plain client of its own: an
 * admin action needs no retries or breaker, and must not count as shopper traffic in the
 * guards' metrics.
 */
@Component
class ChaosMonkeys {

	private static final Logger logger = LoggerFactory.getLogger(ChaosMonkeys.class);

	static final String ASSAULTS_PATH = "/actuator/chaosmonkey/assaults";

	private final ChaosProperties properties;

	private final RestClient restClient;

	ChaosMonkeys(ChaosProperties properties) {
		this.properties = properties;
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(properties.responseTimeout());
		this.restClient = RestClient.builder().requestFactory(requestFactory).build();
	}

	Set<String> dependencies() {
		return this.properties.dependencies().keySet();
	}

	boolean knows(String dependency) {
		return this.properties.dependencies().containsKey(dependency);
	}

	void send(String dependency, Assaults assaults) {
		URI baseUrl = this.properties.dependencies().get(dependency);
		URI target = URI.create(baseUrl.toString().replaceAll("/+$", "") + ASSAULTS_PATH);
		try {
			this.restClient.post()
				.uri(target)
				.contentType(MediaType.APPLICATION_JSON)
				.body(assaults)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException ex) {
			String hint = (ex.getStatusCode().value() == 404) ? ": is it running with the chaos-monkey profile?" : "";
			throw badGateway(dependency + " answered " + ex.getStatusCode().value() + " to " + target + hint);
		}
		catch (ResourceAccessException ex) {
			logger.warn("Could not reach {} at {} to change its assaults: {}", dependency, target,
					ex.getMostSpecificCause().toString());
			throw badGateway("Could not reach " + dependency + " at " + baseUrl + ": is it running?");
		}
	}

	private static ErrorResponseException badGateway(String detail) {
		return new ErrorResponseException(HttpStatus.BAD_GATEWAY,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail), null);
	}

}
