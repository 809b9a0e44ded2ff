package io.designforfailure.benchmark.fault;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.designforfailure.launcher.ServiceProcess;

/** Switches a dependency's Chaos Monkey assaults over its actuator endpoint. */
final class Chaos {

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private Chaos() {
	}

	static void latency(ServiceProcess dependency, Duration latency) {
		long millis = latency.toMillis();
		assault(dependency, "{\"level\":1,\"latencyActive\":true,\"exceptionsActive\":false,\"latencyRangeStart\":"
				+ millis + ",\"latencyRangeEnd\":" + millis + "}");
	}

	/** Every {@code level}-th request answers HTTP 500. */
	static void exceptions(ServiceProcess dependency, int level) {
		assault(dependency, "{\"level\":" + level + ",\"latencyActive\":false,\"exceptionsActive\":true}");
	}

	static void calm(ServiceProcess dependency) {
		assault(dependency, "{\"level\":1,\"latencyActive\":false,\"exceptionsActive\":false}");
	}

	private static void assault(ServiceProcess dependency, String json) {
		HttpRequest request = HttpRequest.newBuilder(dependency.uri("/actuator/chaosmonkey/assaults"))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Chaos Monkey of " + dependency.name() + " refused " + json + ": "
						+ response.statusCode() + " " + response.body());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Chaos Monkey of " + dependency.name() + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
