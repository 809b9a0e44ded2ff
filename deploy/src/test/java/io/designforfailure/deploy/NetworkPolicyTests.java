package io.designforfailure.deploy;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependencies and the database accept connections from their one caller, on their
 * one port, and from nobody else.
 */
class NetworkPolicyTests {

	private static final Manifests base = Manifests.base();

	@ParameterizedTest(name = "{0} accepts only {1} on {2}")
	@CsvSource({ "recommendations, storefront, 8081", "search, storefront, 8082", "postgres, recommendations, 5432",
			"redis, storefront, 6379" })
	void acceptsOnlyItsCallerOnItsPort(String target, String caller, int port) {
		List<NetworkPolicy> selecting = base.all(NetworkPolicy.class)
			.stream()
			.filter((policy) -> labels(target).entrySet()
				.containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()))
			.toList();
		assertThat(selecting).as("policies that select %s", target).singleElement().satisfies((policy) -> {
			assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
			assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNotEmpty();
			assertThat(policy.getSpec().getIngress()).singleElement().satisfies((rule) -> {
				assertThat(rule.getPorts()).singleElement()
					.satisfies((allowed) -> assertThat(allowed.getPort().getIntVal()).isEqualTo(port));
				assertThat(rule.getFrom()).singleElement().satisfies((peer) -> assertPodsOf(peer, caller));
			});
		});
	}

	private static void assertPodsOf(NetworkPolicyPeer peer, String caller) {
		assertThat(peer.getIpBlock()).isNull();
		assertThat(peer.getNamespaceSelector()).as("same namespace only").isNull();
		Map<String, String> selected = peer.getPodSelector().getMatchLabels();
		assertThat(selected).isNotEmpty();
		assertThat(labels(caller)).containsAllEntriesOf(selected);
		List<String> alsoSelected = base.objects()
			.stream()
			.filter((object) -> !object.getMetadata().getName().equals(caller))
			.filter((object) -> podTemplate(object) != null)
			.filter((object) -> podTemplate(object).getMetadata()
				.getLabels()
				.entrySet()
				.containsAll(selected.entrySet()))
			.map((object) -> object.getMetadata().getName())
			.toList();
		assertThat(alsoSelected).as("other workloads the rule lets in").isEmpty();
	}

	private static Map<String, String> labels(String workload) {
		return base.podTemplate(workload).getMetadata().getLabels();
	}

	private static PodTemplateSpec podTemplate(HasMetadata object) {
		if (object instanceof Deployment deployment) {
			return deployment.getSpec().getTemplate();
		}
		if (object instanceof StatefulSet statefulSet) {
			return statefulSet.getSpec().getTemplate();
		}
		return null;
	}

}
