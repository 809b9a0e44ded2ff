package io.designforfailure.deploy;

import java.util.Map;

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
