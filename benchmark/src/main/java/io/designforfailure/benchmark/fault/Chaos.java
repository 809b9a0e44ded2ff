package io.designforfailure.benchmark.fault;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.designforfailure.launcher.ServiceProcess;

/**
 * Switches a dependency's Chaos Monkey assaults through the storefront's
 * {@code /api/chaos}, the same API the console and {@code ./demo chaos} use.
 */
final class Chaos {

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private static final ObjectMapper json = new ObjectMapper();

	private Chaos() {
	}

	static void latency(ServiceProcess storefront, String dependency, Duration latency) {
		send(storefront, dependency, Map.of("mode", "latency", "latencyMs", latency.toMillis()));
	}

	/** Every {@code nth} request answers HTTP 500. */
	static void errors(ServiceProcess storefront, String dependency, int nth) {
		send(storefront, dependency, Map.of("mode", "errors", "everyNth", nth));
	}

	static void off(ServiceProcess storefront, String dependency) {
		send(storefront, dependency, Map.of("mode", "off"));
	}

	private static void send(ServiceProcess storefront, String dependency, Map<String, Object> body) {
		try {
			String text = json.writeValueAsString(body);
			HttpRequest request = HttpRequest.newBuilder(storefront.uri("/api/chaos/" + dependency))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(text))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The storefront refused chaos " + text + " for " + dependency + ": "
						+ response.statusCode() + " " + response.body());
			}
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The storefront did not answer a chaos request for " + dependency, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
