package io.designforfailure.recommendations.events;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.designforfailure.recommendations.RecommendationsApplication;
import io.designforfailure.recommendations.TestDatabase;
import io.designforfailure.recommendations.database.DatabaseGuard;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What survives a restart of the service: every view, every idempotency key, the seed
 * inserted once; and keys expire after their day.
 */
class DurableViewsTests {

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@Test
	void recognisesARetryThatStraddlesARestartAndKeepsTheHistory() {
		String body = "{\"userId\":\"durable-ann\",\"productId\":\"p-0005\"}";
		long seedViews;
		try (ConfigurableApplicationContext first = start()) {
			RestClient client = client(first);
			assertThat(post(client, "durable-key-1", body).getStatusCode().value()).isEqualTo(202);
			seedViews = views(client, "seed-user-1").get("total").asLong();
		}
		try (ConfigurableApplicationContext second = start()) {
			RestClient client = client(second);
			ResponseEntity<String> repeat = post(client, "durable-key-1", body);

			assertThat(repeat.getStatusCode().value()).isEqualTo(200);
			assertThat(this.json.from(repeat.getBody())).extractingJsonPathStringValue("$.status")
				.isEqualTo("duplicate");
			JsonNode views = views(client, "durable-ann");
			assertThat(views.get("total").asLong()).isEqualTo(1);
			assertThat(views.at("/items/0/productId").asText()).isEqualTo("p-0005");
			assertThat(views(client, "seed-user-1").get("total").asLong()).as("the seed is inserted once")
				.isEqualTo(seedViews)
				.isPositive();
			assertThat(client.get().uri("/api/recommendations?userId=durable-ann").retrieve().body(String.class))
				.as("the snapshot was loaded from the database")
				.contains("\"personalized\"");
		}
	}

	@Test
	void forgetsAKeyAfterItsDaySoARepeatIsANewView() {
		try (ConfigurableApplicationContext context = start()) {
			RestClient client = client(context);
			String body = "{\"userId\":\"durable-bea\",\"productId\":\"p-0006\"}";
			assertThat(post(client, "durable-key-2", body).getStatusCode().value()).isEqualTo(202);
			ViewEventStore store = context.getBean(ViewEventStore.class);
			IdempotencyProperties properties = context.getBean(IdempotencyProperties.class);

			new IdempotencyKeyExpiry(store, properties, Clock.offset(Clock.systemUTC(), Duration.ofHours(23))).expire();
			assertThat(post(client, "durable-key-2", body).getStatusCode().value()).isEqualTo(200);

			new IdempotencyKeyExpiry(store, properties, Clock.offset(Clock.systemUTC(), Duration.ofHours(25))).expire();
			assertThat(post(client, "durable-key-2", body).getStatusCode().value()).isEqualTo(202);
			assertThat(views(client, "durable-bea").get("total").asLong()).isEqualTo(2);
		}
	}

	private static ConfigurableApplicationContext start() {
		var server = TestDatabase.server();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RecommendationsApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + server.jdbcUrl(TestDatabase.NAME),
				"--spring.datasource.username=" + TestDatabase.NAME,
				"--spring.datasource.password=" + TestDatabase.NAME);
		assertThat(context.getBean(DatabaseGuard.class).isReady()).isTrue();
		return context;
	}

	private static RestClient client(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	private static ResponseEntity<String> post(RestClient client, String key, String body) {
		return client.post()
			.uri("/api/events/views")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private static JsonNode views(RestClient client, String userId) {
		try {
			return new ObjectMapper()
				.readTree(client.get().uri("/api/users/{id}/views?limit=50", userId).retrieve().body(String.class));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
