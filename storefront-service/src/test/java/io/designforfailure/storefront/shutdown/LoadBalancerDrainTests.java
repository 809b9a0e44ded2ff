package io.designforfailure.storefront.shutdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.designforfailure.storefront.StorefrontApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica asked to stop says it is not ready at once, and keeps serving for as long as
 * its load balancer needs to notice, before it stops taking connections; the time is
 * derived from the load balancer's own check interval and fall count.
 */
class LoadBalancerDrainTests {

	private static final Pattern HAPROXY_CHECKS = Pattern
		.compile("default-server check inter (\\d+)s fall (\\d+) rise");

	@Test
	void drainsLongerThanHaproxyTakesToNotice() throws IOException {
		ShutdownProperties defaults = defaults();
		Matcher checks = HAPROXY_CHECKS.matcher(Files.readString(Path.of("../docker/haproxy/haproxy.cfg")));
		assertThat(checks.find()).as("docker/haproxy/haproxy.cfg sets inter and fall on default-server").isTrue();

		assertThat(defaults.checkInterval()).isEqualTo(Duration.ofSeconds(Long.parseLong(checks.group(1))));
		assertThat(defaults.fallCount()).isEqualTo(Integer.parseInt(checks.group(2)));
		assertThat(defaults.drain()).isGreaterThan(defaults.checkInterval().multipliedBy(defaults.fallCount()));
	}

	@Test
	@Timeout(120)
	void keepsServingUnreadyWhileTheLoadBalancerNotices() {
		ConfigurableApplicationContext replica = new SpringApplicationBuilder(StorefrontApplication.class).run(
				"--server.port=0", "--storefront.shutdown.check-interval=1s", "--storefront.shutdown.fall-count=2",
				"--storefront.shutdown.margin=1s", "--storefront.recommendations.best-sellers.refresh-enabled=false",
				"--storefront.recommendations.views.enabled=false", "--spring.jmx.enabled=false",
				// Nothing listens there: every answer is a quick fallback.
				"--storefront.search.base-url=http://127.0.0.1:1",
				"--storefront.recommendations.base-url=http://127.0.0.1:1");
		RestClient client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port"))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		assertThat(status(client, "/actuator/health/readiness")).isEqualTo(200);

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(replica::close);
		await().atMost(Duration.ofSeconds(10)).until(() -> status(client, "/actuator/health/readiness") == 503);

		assertThat(status(client, "/api/search?q=tent")).as("a page while unready").isEqualTo(200);
		assertThat(stopping).as("still draining").isNotDone();
		stopping.join();
		assertThat(status(client, "/api/search?q=tent")).as("after the stop").isEqualTo(-1);
	}

	/** The HTTP status, or -1 when nothing accepts the connection. */
	private static int status(RestClient client, String path) {
		try {
			return client.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
		}
		catch (ResourceAccessException ex) {
			return -1;
		}
	}

	private static ShutdownProperties defaults() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return Binder.get(environment).bindOrCreate("storefront.shutdown", ShutdownProperties.class);
	}

}
