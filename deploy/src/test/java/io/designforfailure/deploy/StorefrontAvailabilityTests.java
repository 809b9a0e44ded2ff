package io.designforfailure.deploy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront stays up through a crash, a rollout, a node drain and a load spike:
 * several replicas, spread over nodes, never all evicted at once, scaled on CPU.
 */
class StorefrontAvailabilityTests {

	private static final Manifests base = Manifests.base();

	private final Deployment storefront = base.deployment("storefront");

	private final Map<String, String> podLabels = this.storefront.getSpec().getTemplate().getMetadata().getLabels();

	@Test
	void sharesItsLastGoodAnswersThroughTheRedisService() {
		URI redis = URI.create(base.configMap("storefront-config").getData().get("REDIS_URL"));
		assertThat(redis.getScheme()).isEqualTo("redis");
		assertThat(redis.getHost()).isEqualTo("redis");
		assertThat(base.one(Service.class, "redis").getSpec().getPorts())
			.anySatisfy((port) -> assertThat(port.getPort()).isEqualTo(redis.getPort()));
	}

	/**
	 * A stopping replica keeps serving, unready, for as long as its readiness probe takes
	 * to take it out (storefront.shutdown reads the probe's numbers from its ConfigMap),
	 * and the grace period outlasts the pause, that drain, Spring's shutdown phase and
	 * the views' flush.
	 */
	@Test
	void drainsForAsLongAsItsReadinessProbeTakesAndShutsDownWithinItsGrace() {
		Map<String, String> settings = base.configMap("storefront-config").getData();
		Probe readiness = base.container("storefront").getReadinessProbe();
		assertThat(settings).containsEntry("LOAD_BALANCER_CHECK_INTERVAL", readiness.getPeriodSeconds() + "s")
			.containsEntry("LOAD_BALANCER_FALL_COUNT", String.valueOf(readiness.getFailureThreshold()));

		ServiceConfig config = ServiceConfig.of("storefront");
		Duration drain = Duration.ofSeconds((long) readiness.getPeriodSeconds() * readiness.getFailureThreshold())
			.plus(config.seconds("/storefront/shutdown/margin"));
		Duration preStop = Duration.ofSeconds(
				Long.parseLong(base.container("storefront").getLifecycle().getPreStop().getExec().getCommand().get(1)));
		Duration grace = Duration.ofSeconds(base.pod("storefront").getTerminationGracePeriodSeconds());
		assertThat(grace).isGreaterThan(preStop.plus(drain)
			.plus(config.shutdownPhase())
			.plus(config.seconds("/storefront/recommendations/views/shutdown-flush")));
	}

	@Test
	void runsAtLeastTwoReplicas() {
		assertThat(this.storefront.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void spreadsItsReplicasOverNodes() {
		assertThat(this.storefront.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
			.anySatisfy((constraint) -> {
				assertThat(constraint.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
				assertThat(constraint.getMaxSkew()).isEqualTo(1);
				assertThat(this.podLabels).containsAllEntriesOf(constraint.getLabelSelector().getMatchLabels());
			});
	}

	@Test
	void aDisruptionBudgetKeepsOneReplicaServing() {
		PodDisruptionBudget budget = base.one(PodDisruptionBudget.class, "storefront");
		assertThat(this.podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		int minAvailable = budget.getSpec().getMinAvailable().getIntVal();
		assertThat(minAvailable).isPositive().isLessThan(this.storefront.getSpec().getReplicas());
	}

	@Test
	void anAutoscalerAddsReplicasOnCpuAndNeverGoesBelowTwo() {
		HorizontalPodAutoscaler autoscaler = base.one(HorizontalPodAutoscaler.class, "storefront");
		assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("storefront");
		assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2)
			.isLessThanOrEqualTo(this.storefront.getSpec().getReplicas());
		assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
		assertThat(autoscaler.getSpec().getMetrics()).singleElement().satisfies((metric) -> {
			assertThat(metric.getResource().getName()).isEqualTo("cpu");
			assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
		});
		assertThat(base.container("storefront").getResources().getRequests())
			.as("utilization is measured against the request")
			.containsKey("cpu");
	}

}
