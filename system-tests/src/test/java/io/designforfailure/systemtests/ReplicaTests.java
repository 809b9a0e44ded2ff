package io.designforfailure.systemtests;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.designforfailure.launcher.LoadBalancer;
import io.designforfailure.launcher.ServiceProcess;
import io.designforfailure.launcher.SteadyLoad;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Storefront replicas share what they know through the real Redis, and a replica restarts
 * without a request failing behind HAProxy (the configuration compose runs). The system's
 * storefront is replica A; each test starts replica B beside it.
 */
@SystemUnderTest
class ReplicaTests {

	/** Home, search and product pages, in turn. */
	private static final List<String> PAGES = List.of("/api/home?userId=u-replicas", "/api/search?q=tent",
			"/api/products/p-0021");

	/**
	 * HAProxy's rise (2) x inter (1 s), plus a margin: until a started replica gets
	 * traffic.
	 */
	private static final Duration BACK_IN_ROTATION = Duration.ofSeconds(4);

	@Test
	void aReplicaStartedAfterAnotherFetchedServesItsSearchFromRedisWithItsAsOf(RunningSystem system) {
		JsonNode fetched = system.storefront("/api/search?q=kayak%20paddle").section("results");
		assertThat(fetched.path("source").asText()).isEqualTo("live");
		system.kill(Service.SEARCH);
		ServiceProcess replicaB = system.storefrontReplica("storefront-replica-b").build();
		try {
			replicaB.start();
			replicaB.awaitHealthy();
			assertServedFromRedis(system, replicaB, "/api/search?q=Kayak%20%20Paddle", fetched);

			replicaB.restart();
			assertServedFromRedis(system, replicaB, "/api/search?q=kayak%20paddle", fetched);
		}
		finally {
			replicaB.stop();
		}
		system.restart(Service.SEARCH);
		system.awaitRecovered(Service.SEARCH);
	}

	@Test
	void aRollingRestartBehindHaproxyFailsNoRequest(RunningSystem system) {
		assumeTrue(LoadBalancer.installed().isPresent(),
				"haproxy is not on the PATH (apt-get install haproxy): the rolling restart behind it is not tested");
		ServiceProcess replicaA = system.process(Service.STOREFRONT);
		ServiceProcess replicaB = system.storefrontReplica("storefront-replica-b").build();
		replicaB.start();
		replicaB.awaitHealthy();
		try (LoadBalancer balancer = LoadBalancer.start(system.root().resolve("docker/haproxy/haproxy.cfg"),
				system.logs().resolve("haproxy.log"), replicaA.uri(""), replicaB.uri(""));
				SteadyLoad load = new SteadyLoad((n) -> balancer.uri(PAGES.get((int) (n % PAGES.size()))), 50,
						Duration.ofMinutes(5))) {
			SteadyLoad.sleep(BACK_IN_ROTATION);
			for (ServiceProcess replica : List.of(replicaA, replicaB)) {
				replica.restart();
				SteadyLoad.sleep(BACK_IN_ROTATION);
			}
			SteadyLoad.Result result = load.stop();

			assertThat(result.sent()).as("50 requests a second through the restarts").isGreaterThan(500);
			assertThat(result.failed()).as("failed requests: %s", result).isZero();
		}
		finally {
			replicaB.stop();
		}
	}

	/**
	 * A replica waits up to storefront.cache.connection.startup-wait (2 s) for Redis as
	 * it starts; on a busy machine its first connection can take longer, so this allows a
	 * few seconds.
	 */
	private static void assertServedFromRedis(RunningSystem system, ServiceProcess replica, String path,
			JsonNode fetched) {
		await("the shared answer from " + replica.name()).atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				Answer answer = system.get(replica, path);
				assertThat(answer.status()).isEqualTo(200);
				JsonNode results = answer.section("results");
				assertThat(results.path("source").asText()).isEqualTo("cache");
				assertThat(results.path("asOf")).isEqualTo(fetched.path("asOf"));
				assertThat(results.path("items")).isEqualTo(fetched.path("items"));
			});
	}

}
