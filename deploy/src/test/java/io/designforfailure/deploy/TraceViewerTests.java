package io.designforfailure.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code overlays/traces} is the base and an optional trace viewer, Zipkin, that every
 * service sends its spans to; the base sends none. The viewer is held to the services'
 * rules (security context, probes, memory, writes only to /tmp: see
 * {@link WorkloadTests}), and only the services may send it spans.
 */
class TraceViewerTests {

	private static final Manifests base = Manifests.base();

	private static final Manifests traces = Manifests.tracesOverlay();

	@Test
	void addsTheViewerToTheBaseInTheSameNamespaceAndNothingElse() {
		assertThat(traces.kustomization().bases()).containsExactly("../../base");
		assertThat(traces.kustomization().namespace()).isEqualTo(base.kustomization().namespace());
		assertThat(names(traces)).containsAll(names(base))
			.hasSize(names(base).size() + 3)
			.contains("Deployment/zipkin", "Service/zipkin", "NetworkPolicy/zipkin");
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void everyServiceSendsItsSpansToTheViewerOnlyWhenThereIsOne(String service) {
		String exportEnabled = "MANAGEMENT_ZIPKIN_TRACING_EXPORT_ENABLED";
		assertThat(base.configMap(service + "-config").getData()).containsEntry(exportEnabled, "false");
		int port = traces.one(io.fabric8.kubernetes.api.model.Service.class, "zipkin")
			.getSpec()
			.getPorts()
			.get(0)
			.getPort();
		assertThat(traces.configMap(service + "-config").getData()).containsEntry(exportEnabled, "true")
			.containsEntry("MANAGEMENT_ZIPKIN_TRACING_ENDPOINT", "http://zipkin:" + port + "/api/v2/spans");
	}

	@Test
	void theStorefrontLinksToTracesInTheViewer() {
		assertThat(ServiceConfig.of("storefront").readsVariable("TRACES_VIEWER_URL")).isTrue();
		assertThat(traces.configMap("storefront-config").getData()).containsKey("TRACES_VIEWER_URL");
	}

	@Test
	void runsTheImageTheDockerfileBuildsAndProbesItsHealth() {
		Container zipkin = traces.container("zipkin");
		assertThat(zipkin.getImage()).isEqualTo("designing-for-failure/zipkin:" + System.getProperty("deploy.version"));
		assertThat(zipkin.getCommand()).as("the image's entrypoint sets the heap; keep it").isEmpty();
		assertThat(List.of(zipkin.getStartupProbe(), zipkin.getLivenessProbe(), zipkin.getReadinessProbe()))
			.allSatisfy(TraceViewerTests::asksHealthOnTheHttpPort);
		assertThat(zipkin.getResources().getRequests().get("memory"))
			.isEqualTo(zipkin.getResources().getLimits().get("memory"));
	}

	@Test
	void acceptsSpansFromTheThreeServicesOnlyOnItsPort() {
		NetworkPolicy policy = traces.one(NetworkPolicy.class, "zipkin");
		assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
		assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name",
				"zipkin");
		assertThat(policy.getSpec().getIngress()).singleElement().satisfies((rule) -> {
			assertThat(rule.getPorts()).singleElement()
				.satisfies((allowed) -> assertThat(allowed.getPort().getIntVal()).isEqualTo(9411));
			assertThat(rule.getFrom()).singleElement().satisfies((peer) -> {
				assertThat(peer.getIpBlock()).isNull();
				assertThat(peer.getNamespaceSelector()).as("same namespace only").isNull();
				assertThat(peer.getPodSelector().getMatchExpressions()).singleElement().satisfies((expression) -> {
					assertThat(expression.getKey()).isEqualTo("app.kubernetes.io/name");
					assertThat(expression.getOperator()).isEqualTo("In");
					assertThat(expression.getValues()).containsExactlyInAnyOrder("storefront", "recommendations",
							"search");
				});
			});
		});
	}

	private static void asksHealthOnTheHttpPort(Probe probe) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo("/health");
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
	}

	private static List<String> names(Manifests manifests) {
		return manifests.objects()
			.stream()
			.map((HasMetadata object) -> object.getKind() + "/" + object.getMetadata().getName())
			.toList();
	}

}
