package io.designforfailure.deploy;

import java.time.Duration;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's Deployment: restarted only when it is broken, taken out of traffic only
 * when it cannot serve, sized, locked down, and shut down gracefully within its grace
 * period.
 */
class WorkloadTests {

	private static final Manifests base = Manifests.base();

	/** The base and the optional trace viewer, held to the same rules. */
	private static final Manifests withTraces = Manifests.tracesOverlay();

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void runsTheImageTheDockerfileBuildsTaggedWithTheProjectVersion(String service) {
		String version = System.getProperty("deploy.version");
		assertThat(container(service).getImage()).isEqualTo("designing-for-failure/" + service + "-service:" + version);
		assertThat(container(service).getCommand()).as("the image's entrypoint sets the heap; keep it").isEmpty();
		assertThat(container(service).getArgs()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void listensOnTheServicePortItsProbesAndServiceUse(String service) {
		int port = ServiceConfig.of(service).defaultPort();
		Container container = container(service);
		assertThat(container.getPorts()).singleElement().satisfies((containerPort) -> {
			assertThat(containerPort.getName()).isEqualTo("http");
			assertThat(containerPort.getContainerPort()).isEqualTo(port);
		});
		assertThat(env(container, "SERVER_PORT")).isEqualTo(String.valueOf(port));
		io.fabric8.kubernetes.api.model.Service kubernetesService = base
			.one(io.fabric8.kubernetes.api.model.Service.class, service);
		assertThat(base.deployment(service).getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(kubernetesService.getSpec().getSelector());
		assertThat(kubernetesService.getSpec().getPorts()).singleElement().satisfies((servicePort) -> {
			assertThat(servicePort.getPort()).isEqualTo(port);
			assertThat(servicePort.getTargetPort().getStrVal()).isEqualTo("http");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void probesAskTheLivenessAndReadinessGroupsOnly(String service) {
		Container container = container(service);
		assertThat(httpPath(container.getStartupProbe())).isEqualTo("/actuator/health/liveness");
		assertThat(httpPath(container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
		assertThat(httpPath(container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
		assertThat(List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe()))
			.allSatisfy((probe) -> assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http"));
		assertThat(env(container, "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")).isEqualTo("true");
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void healthGroupsHoldTheServicesOwnStateOnly(String service) {
		ServiceConfig config = ServiceConfig.of(service);
		assertThat(config.healthGroup("liveness")).as("liveness group of %s", service).isSubsetOf("livenessState");
		assertThat(config.healthGroup("readiness")).as("readiness group of %s", service).isSubsetOf("readinessState");
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search", "zipkin" })
	void startupProbeWaitsLongerThanASlowStartLivenessToleratesAFewMisses(String service) {
		Container container = container(service);
		assertThat(window(container.getStartupProbe())).as("startup window")
			.isGreaterThanOrEqualTo(Duration.ofSeconds(120));
		assertThat(container.getLivenessProbe().getFailureThreshold()).isGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void requestsAndLimitsCpuAndMemoryWithMemoryGuaranteed(String service) {
		var resources = container(service).getResources();
		assertThat(resources.getRequests()).containsKeys("cpu", "memory");
		assertThat(resources.getLimits()).containsKeys("cpu", "memory");
		assertThat(bytes(resources.getRequests().get("memory"))).isEqualTo(bytes(resources.getLimits().get("memory")));
		assertThat(bytes(resources.getLimits().get("memory"))).as("room for a 75 %% heap and the measured RSS")
			.isGreaterThanOrEqualTo(bytes(new Quantity("512Mi")));
		assertThat(env(container(service), "JAVA_TOOL_OPTIONS")).as("no fixed heap").isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search", "zipkin" })
	void runsAsANonRootUserOnAReadOnlyFilesystemWithoutCapabilities(String service) {
		PodSpec pod = pod(service);
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).as("numeric, so runAsNonRoot can be checked").isPositive();
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		var security = container(service).getSecurityContext();
		assertThat(security.getReadOnlyRootFilesystem()).isTrue();
		assertThat(security.getAllowPrivilegeEscalation()).isFalse();
		assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search", "zipkin" })
	void writesOnlyToAnEmptyDirAtTmp(String service) {
		List<VolumeMount> mounts = container(service).getVolumeMounts();
		assertThat(mounts).singleElement().satisfies((mount) -> {
			assertThat(mount.getMountPath()).isEqualTo("/tmp");
			Volume volume = pod(service).getVolumes()
				.stream()
				.filter((candidate) -> candidate.getName().equals(mount.getName()))
				.findFirst()
				.orElseThrow();
			assertThat(volume.getEmptyDir()).isNotNull();
			assertThat(volume.getEmptyDir().getSizeLimit()).isNotNull();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void gracePeriodOutlastsThePreStopPauseAndSpringsShutdownPhase(String service) {
		ServiceConfig config = ServiceConfig.of(service);
		assertThat(config.gracefulShutdown()).isEqualTo("graceful");
		List<String> preStop = container(service).getLifecycle().getPreStop().getExec().getCommand();
		assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
		Duration pause = Duration.ofSeconds(Long.parseLong(preStop.get(1)));
		assertThat(pause).as("long enough for endpoints to drop the pod").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
		Duration grace = Duration.ofSeconds(pod(service).getTerminationGracePeriodSeconds());
		assertThat(grace).as("grace period of %s", service).isGreaterThan(pause.plus(config.shutdownPhase()));
	}

	private static PodSpec pod(String service) {
		return withTraces.pod(service);
	}

	private static Container container(String service) {
		return withTraces.container(service);
	}

	private static String env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals(name))
			.map(EnvVar::getValue)
			.findFirst()
			.orElseGet(() -> container.getEnvFrom()
				.stream()
				.map((source) -> base.configMap(source.getConfigMapRef().getName()).getData().get(name))
				.filter((value) -> value != null)
				.findFirst()
				.orElse(null));
	}

	private static String httpPath(Probe probe) {
		assertThat(probe).isNotNull();
		return probe.getHttpGet().getPath();
	}

	private static Duration window(Probe probe) {
		return Duration.ofSeconds((long) probe.getPeriodSeconds() * probe.getFailureThreshold());
	}

	private static long bytes(Quantity quantity) {
		return Quantity.getAmountInBytes(quantity).longValueExact();
	}

}
