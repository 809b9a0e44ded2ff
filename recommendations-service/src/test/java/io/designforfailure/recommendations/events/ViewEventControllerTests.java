package io.designforfailure.recommendations.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.designforfailure.recommendations.history.ViewHistory;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// Fifty simultaneous posts are a test of idempotency here, not of load shedding, which
// would rightly answer some of them with 503 (web-support's LoadSheddingFilterTests).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "service.load-shedding.enabled=false")
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
class ViewEventControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ViewHistory history;

	@Autowired
	private MeterRegistry registry;

	@LocalServerPort
	private int port;

	@Test
	void recordsAViewOnceAndRecognisesItsRepeats() throws Exception {
		Counts before = counts("p-0042");
		String body = view("events-alice", "p-0042");

		postView("key-alice-1", body).andExpect(status().isAccepted())
			.andExpect(content().json("{\"status\":\"accepted\"}", true));
		postView("key-alice-1", body).andExpect(status().isOk())
			.andExpect(content().json("{\"status\":\"duplicate\"}", true));
		postView("key-alice-1", body).andExpect(status().isOk());

		assertThat(counts("p-0042")).isEqualTo(before.plus(1, 2));
		assertThat(this.history.viewedBy("events-alice")).containsExactly("p-0042");
	}

	@Test
	void rejectsAKeyReusedForADifferentViewWithoutRecordingIt() throws Exception {
		postView("key-bob-1", view("events-bob", "p-0042")).andExpect(status().isAccepted());
		Counts before = counts("p-0043");

		postView("key-bob-1", view("events-bob", "p-0043")).andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));

		assertThat(counts("p-0043")).isEqualTo(before);
		assertThat(this.history.viewedBy("events-bob")).containsExactly("p-0042");
	}

	@Test
	void recordedViewsPersonalizeTheUsersRecommendations() throws Exception {
		postView("key-carol-1", view("events-carol", "p-0001")).andExpect(status().isAccepted());

		this.mvc.perform(get("/api/recommendations").param("userId", "events-carol"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.strategy").value("personalized"))
			.andExpect(jsonPath("$.items[*].id", not(hasItem("p-0001"))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					missing key           | application/json | <none>       | {"userId":"u","productId":"p-0001"} | 400 | Idempotency-Key
					empty key             | application/json | ``           | {"userId":"u","productId":"p-0001"} | 400 | Idempotency-Key
					key with a space      | application/json | `a b`        | {"userId":"u","productId":"p-0001"} | 400 | Idempotency-Key
					malformed JSON        | application/json | bad-1        | {"userId":"u",                      | 400 | body
					empty body            | application/json | bad-2        | ``                                  | 400 | body
					array body            | application/json | bad-3        | []                                  | 400 | body
					object as userId      | application/json | bad-4        | {"userId":{},"productId":"p-0001"}  | 400 | userId
					missing userId        | application/json | bad-5        | {"productId":"p-0001"}              | 400 | userId
					invalid userId        | application/json | bad-6        | {"userId":"a b","productId":"p-0001"} | 400 | userId
					missing productId     | application/json | bad-7        | {"userId":"u"}                      | 400 | productId
					malformed productId   | application/json | bad-8        | {"userId":"u","productId":"42"}     | 400 | productId
					unknown productId     | application/json | bad-9        | {"userId":"u","productId":"p-9999"} | 400 | productId
					wrong content type    | text/plain       | bad-10       | {"userId":"u","productId":"p-0001"} | 415 | Content-Type
					""")
	void rejectsMalformedViewsWithAProblemNamingTheField(String name, String contentType, String key, String body,
			int status, String field) throws Exception {
		Counts before = counts("p-0001");
		var request = post("/api/events/views").contentType(contentType).content((body != null) ? body : "");
		if (!"<none>".equals(key)) {
			request.header(ViewEventController.IDEMPOTENCY_KEY, (key != null) ? key : "");
		}

		this.mvc.perform(request)
			.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail", containsString(field)));

		assertThat(counts("p-0001")).isEqualTo(before);
	}

	@Test
	void rejectsAKeyLongerThan128Characters() throws Exception {
		postView("k".repeat(128), view("events-dave", "p-0001")).andExpect(status().isAccepted());
		postView("k".repeat(129), view("events-dave", "p-0001")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));
	}

	@Test
	void recordsOneViewForFiftyConcurrentPostsWithOneKey() throws Exception {
		int posts = 50;
		Counts before = counts("p-0077");
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/events/views"))
			.header("Content-Type", "application/json")
			.header(ViewEventController.IDEMPOTENCY_KEY, "key-concurrent-1")
			.POST(HttpRequest.BodyPublishers.ofString(view("events-eve", "p-0077")))
			.build();
		ExecutorService threads = Executors.newFixedThreadPool(posts);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		try {
			for (int i = 0; i < posts; i++) {
				statuses.add(threads.submit(() -> {
					start.await();
					return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				}));
			}
			start.countDown();
			List<Integer> codes = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				codes.add(status.get(60, TimeUnit.SECONDS));
			}

			assertThat(codes).containsOnly(202, 200).filteredOn((code) -> code == 202).hasSize(1);
			assertThat(counts("p-0077")).isEqualTo(before.plus(1, posts - 1));
			assertThat(this.history.viewedBy("events-eve")).containsExactly("p-0077");
		}
		finally {
			threads.shutdownNow();
		}
	}

	private ResultActions postView(String key, String body) throws Exception {
		return this.mvc.perform(post("/api/events/views").contentType(MediaType.APPLICATION_JSON)
			.header(ViewEventController.IDEMPOTENCY_KEY, key)
			.content(body));
	}

	private static String view(String userId, String productId) {
		return "{\"userId\":\"" + userId + "\",\"productId\":\"" + productId + "\"}";
	}

	private Counts counts(String productId) {
		return new Counts(this.registry.get("recommendations.views.recorded").counter().count(),
				this.registry.get("recommendations.views.duplicates").counter().count(),
				this.history.viewCounts().getOrDefault(productId, 0L));
	}

	/** The counters a view event may move: both metrics and the product's view count. */
	private record Counts(double recorded, double duplicates, long productViews) {

		Counts plus(int newViews, int repeats) {
			return new Counts(this.recorded + newViews, this.duplicates + repeats, this.productViews + newViews);
		}

	}

}
