package io.designforfailure.benchmark.shoppers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shoppers against a storefront stand-in on loopback, started and stopped here. */
class ShoppersTests {

	private final List<String> requested = new CopyOnWriteArrayList<>();

	private final List<String> logged = new CopyOnWriteArrayList<>();

	private HttpServer storefront;

	@BeforeEach
	void startStorefront() throws IOException {
		this.storefront = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.storefront.createContext("/", this::answer);
		this.storefront.start();
	}

	@AfterEach
	void stopStorefront() {
		this.storefront.stop(0);
	}

	@Test
	void browseHomeSearchAndProductPagesUntilStoppedThenStopSending() throws InterruptedException {
		Shoppers shoppers = new Shoppers(settings(Duration.ofMinutes(1)), this.logged::add);
		Thread running = new Thread(shoppers::run);
		running.start();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.requested.stream().anyMatch((path) -> path.startsWith("/api/home?userId=shopper-"))
					&& this.requested.stream().anyMatch((path) -> path.startsWith("/api/search?q="))
					&& this.requested.stream().anyMatch((path) -> path.startsWith("/api/products/p-")));
		shoppers.stop();
		running.join(Duration.ofSeconds(15).toMillis());

		assertThat(running.isAlive()).isFalse();
		int sent = this.requested.size();
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> this.requested.size() == sent);
		assertThat(this.logged).first().asString().startsWith("shoppers: 2 browsing http://127.0.0.1:");
		assertThat(this.logged).last()
			.asString()
			.matches(
					"shoppers: \\d+ requests in the last period: (100 % live, 0 % degraded, 0 % failed|- live, - degraded, - failed) \\("
							+ sent + " in all\\); stopped");
	}

	@Test
	void stopByThemselvesWhenTheirTimeIsUp() throws InterruptedException {
		Shoppers shoppers = new Shoppers(settings(Duration.ofSeconds(2)), this.logged::add);
		Thread running = new Thread(shoppers::run);
		running.start();
		running.join(Duration.ofSeconds(20).toMillis());

		assertThat(running.isAlive()).isFalse();
		assertThat(this.logged).last().asString().endsWith("; stopped");
	}

	private ShopperSettings settings(Duration duration) {
		return new ShopperSettings(URI.create("http://127.0.0.1:" + this.storefront.getAddress().getPort()), 2,
				Duration.ofMillis(100), duration);
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requested.add(exchange.getRequestURI().toString());
		byte[] body = "{\"recommendations\":{\"source\":\"live\",\"degraded\":false}}".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
