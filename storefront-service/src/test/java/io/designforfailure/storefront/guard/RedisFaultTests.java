package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.designforfailure.storefront.StorefrontAnswer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.EpollProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Redis guarded as a dependency: stopped, black-holed or slow, it costs a request at most
 * its command timeout and never an error; its breaker stops asking a Redis that hangs;
 * while it is disconnected commands are refused at once instead of queued; writes wait on
 * a bounded pool of their own, never on the request. Search fails throughout (HTTP 500,
 * not retried, then its breaker open), so that every answer looks in the shared level.
 */
@TestPropertySource(properties = {
		// A small writers' queue, so that a burst of writes overflows it at once.
		"resilience4j.thread-pool-bulkhead.configs.redis-writes.queue-capacity=5" })
class RedisFaultTests extends SharedLevelTestSupport {

	/**
	 * The search budget, plus the Redis command timeout, plus room for a busy machine.
	 */
	private static final Duration WITHIN_BUDGET = Duration.ofMillis(1500);

	@Autowired
	private RedisLevel level;

	private int query;

	@BeforeEach
	void connectedAndSearchFailing() {
		await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(this.level.details().get("connected")));
		stubSearch(status(500));
	}

	@Test
	@Timeout(60)
	void answersWithinTheBudgetWhileRedisIsBlackHoled() {
		redis.blackHole();

		assertEveryAnswerIsAFallbackWithinTheBudget(searches(30));
	}

	@Test
	@Timeout(60)
	void answersWithinTheBudgetWhileRedisIsStopped() {
		redis.down();

		assertEveryAnswerIsAFallbackWithinTheBudget(searches(30));
	}

	@Test
	@Timeout(60)
	void answersWithinTheBudgetWhileRedisIsSlow() {
		long answeredBefore = this.level.counted(RedisLevel.READ, "hit", "miss");
		redis.slow(Duration.ofMillis(300));

		assertEveryAnswerIsAFallbackWithinTheBudget(searches(30));
		assertThat(this.level.counted(RedisLevel.READ, "hit", "miss") - answeredBefore)
			.as("no read waited for the slow answer")
			.isZero();
	}

	@Test
	@Timeout(60)
	void eachReadOfAHangingRedisEndsAtTheCommandTimeout() {
		long timeoutsBefore = this.level.counted(RedisLevel.READ, "timeout");
		redis.blackHole();

		List<StorefrontAnswer> answers = searches(5);

		assertEveryAnswerIsAFallbackWithinTheBudget(answers);
		assertThat(this.level.counted(RedisLevel.READ, "timeout") - timeoutsBefore).isEqualTo(5);
	}

	@Test
	@Timeout(60)
	void itsBreakerStopsAskingARedisThatHangs() {
		long refusedBefore = this.level.counted(RedisLevel.READ, "circuit-open");
		long timeoutsBefore = this.level.counted(RedisLevel.READ, "timeout");
		redis.blackHole();

		searches(30);

		assertThat(this.level.counted(RedisLevel.READ, "timeout") - timeoutsBefore)
			.as("timeouts before the breaker opened")
			.isBetween(10L, 20L);
		assertThat(this.level.counted(RedisLevel.READ, "circuit-open") - refusedBefore).isGreaterThanOrEqualTo(10);
		assertThat(this.circuitBreakers.circuitBreaker("redis").getState().name()).isEqualTo("OPEN");
	}

	@Test
	@Timeout(60)
	void refusesCommandsAtOnceWhileDisconnected() {
		long unavailableBefore = this.level.counted(RedisLevel.READ, "unavailable");
		long timeoutsBefore = this.level.counted(RedisLevel.READ, "timeout");
		redis.down();
		await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.FALSE.equals(this.level.details().get("connected")));

		// Fewer than the breaker's minimum number of calls: each one reaches Lettuce.
		searches(5);

		assertThat(this.level.counted(RedisLevel.READ, "timeout") - timeoutsBefore)
			.as("commands queued while disconnected, waiting for their timeout")
			.isZero();
		assertThat(this.level.counted(RedisLevel.READ, "unavailable") - unavailableBefore).isEqualTo(5);
	}

	@Test
	@Timeout(60)
	void dropsAndCountsTheWritesItCannotTake() {
		long droppedBefore = this.level.counted(RedisLevel.WRITE, "dropped");
		redis.blackHole();

		for (int i = 0; i < 50; i++) {
			this.level.write("dff:test:burst-" + i, "{}", Duration.ofMinutes(1));
		}

		assertThat(this.level.counted(RedisLevel.WRITE, "dropped") - droppedBefore)
			.as("one writer, five waiting: the rest of a burst against a hanging Redis")
			.isGreaterThanOrEqualTo(40);
	}

	/**
	 * TCP_USER_TIMEOUT, which closes a connection whose data stays unacknowledged, is set
	 * only on Netty's epoll (or io_uring) transport: it must be there on Linux.
	 */
	@Test
	void usesTheTransportThatCanCloseASilentConnection() {
		assumeTrue(System.getProperty("os.name").equals("Linux")
				&& List.of("amd64", "aarch64").contains(System.getProperty("os.arch")), "epoll is Linux's");

		assertThat(EpollProvider.isAvailable()).isTrue();
	}

	@Test
	void readsGarbageAsAMiss() {
		RedisClient client = RedisClient.create(redis.directUrl());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("dff:v1:search:garbled", "{not json");
		}
		finally {
			client.shutdown();
		}

		StorefrontAnswer answer = fetch("/api/search?q=garbled");

		assertThat(answer.status()).isEqualTo(HttpStatus.OK);
		assertThat(answer.section("results")).isDegraded("fallback", "error");
	}

	@Test
	void staysHealthyAndReadyWithRedisDown() {
		redis.down();
		searches(12);

		assertThat(fetch("/actuator/health")).extractingPath("$.status").asString().isEqualTo("UP");
		assertThat(fetch("/actuator/health/readiness")).extractingPath("$.status").asString().isEqualTo("UP");
		assertThat(fetch("/actuator/health/liveness")).extractingPath("$.status").asString().isEqualTo("UP");
	}

	@Test
	void theConsoleShowsRedisAsADependencyOfItsOwn() {
		redis.down();
		searches(3);

		StorefrontAnswer report = fetch("/api/resilience");

		assertThat(report).extractingPath("$.dependencies.redis.circuitBreaker.state").asString().isEqualTo("CLOSED");
		assertThat(report).extractingPath("$.dependencies.redis.details.errors").asNumber().isNotEqualTo(0);
		assertThat(report).hasPath("$.dependencies.redis.details.hits")
			.hasPath("$.dependencies.redis.details.misses")
			.hasPath("$.dependencies.redis.details.writesDropped");
	}

	private List<StorefrontAnswer> searches(int count) {
		List<StorefrontAnswer> answers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			answers.add(fetch("/api/search?q=never-fetched-" + (this.query++)));
		}
		return answers;
	}

	private static void assertEveryAnswerIsAFallbackWithinTheBudget(List<StorefrontAnswer> answers) {
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(HttpStatus.OK);
			// Search's own breaker opens after its first failures: error, then
			// circuit-open.
			assertThat(answer.section("results")).hasSource("fallback");
			assertThat(answer.elapsed()).isLessThan(WITHIN_BUDGET);
		});
	}

}
