package io.designforfailure.web.warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Asks the service's own endpoints a few hundred times over loopback once its port is
 * open, before it says it is ready.
 * <p>
 * A JVM that has just started answers its first requests slowly: classes load, caches
 * fill, nothing is compiled yet. A caller's circuit breaker that tries a restarted
 * dependency with three trial calls reads those slow answers as the dependency still
 * failing and stays open for another wait. Spring Boot runs {@link ApplicationRunner}s
 * after the web server starts and before readiness turns to {@code ACCEPTING_TRAFFIC}, so
 * the warm-up happens while Kubernetes (and the demo's health wait) still hold traffic
 * back. It never fails the start: errors end it early, with a log line.
 */
public class WarmUp implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(WarmUp.class);

	private final WarmUpProperties properties;

	private final ApplicationContext context;

	WarmUp(WarmUpProperties properties, ApplicationContext context) {
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!(this.context instanceof WebServerApplicationContext server) || this.properties.paths().isEmpty()
				|| this.properties.rounds() <= 0) {
			return;
		}
		URI base = URI.create("http://127.0.0.1:" + server.getWebServer().getPort());
		long start = System.nanoTime();
		long deadline = start + this.properties.timeLimit().toNanos();
		Map<Integer, Integer> statuses = new TreeMap<>();
		// Made here and let go after: the service never needs it again.
		HttpClient http = HttpClient.newBuilder().connectTimeout(this.properties.timeLimit()).build();
		int sent = 0;
		try {
			for (int round = 0; round < this.properties.rounds() && System.nanoTime() < deadline; round++) {
				for (String path : this.properties.paths()) {
					statuses.merge(get(http, base.resolve(path), deadline), 1, Integer::sum);
					sent++;
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Warm-up ended after " + sent + " requests: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Warm-up interrupted after " + sent + " requests");
		}
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		if (statuses.keySet().stream().anyMatch((status) -> status >= 300)) {
			logger.warn("Warm-up paths " + this.properties.paths() + " did not all answer 2xx: " + statuses
					+ "; a warm-up that fails warms little");
		}
		logger.info("Warmed up with " + sent + " requests in " + millis + " ms (answers by status: " + statuses
				+ "); ready for traffic");
	}

	/**
	 * One request, given what is left of the warm-up's time: the first ones on a cold JVM
	 * of a busy machine may take seconds, which is why the warm-up is there.
	 */
	private static int get(HttpClient http, URI uri, long deadline) throws IOException, InterruptedException {
		Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(left).build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
