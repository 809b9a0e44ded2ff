package io.designforfailure.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefronts' shared cache: held to the same rules as the services (non-root,
 * read-only, no capabilities, no service account token), a cache that saves nothing and
 * cannot outgrow its memory, probed, and reached by the storefront alone
 * ({@link NetworkPolicyTests}).
 */
class RedisTests {

	private static final Manifests base = Manifests.base();

	private final Deployment redis = base.deployment("redis");

	private final PodSpec pod = base.pod("redis");

	private final Container container = base.container("redis");

	@Test
	void runsAsANonRootUserOnAReadOnlyFilesystemWithoutCapabilities() {
		assertThat(this.pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(this.pod.getSecurityContext().getRunAsUser()).isPositive();
		assertThat(this.pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(this.pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(this.container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(this.container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(this.container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
	}

	@Test
	void isACacheThatSavesNothingAndStaysWithinItsMemory() {
		List<String> args = this.container.getArgs();
		assertThat(args).containsSequence("--save", "").containsSequence("--appendonly", "no");
		assertThat(args).containsSequence("--maxmemory-policy", "allkeys-lru");
		long maxMemoryMb = Long.parseLong(args.get(args.indexOf("--maxmemory") + 1).replace("mb", ""));
		long limitMb = this.container.getResources().getLimits().get("memory").getNumericalAmount().longValue()
				/ (1024 * 1024);
		assertThat(limitMb).as("the memory limit leaves room beyond maxmemory").isGreaterThan(maxMemoryMb);
		assertThat(this.container.getResources().getRequests().get("memory"))
			.isEqualTo(this.container.getResources().getLimits().get("memory"));
	}

	@Test
	void runsOneReplicaProbedByPing() {
		assertThat(this.redis.getSpec().getReplicas()).isEqualTo(1);
		assertThat(List.of(this.container.getLivenessProbe(), this.container.getReadinessProbe()))
			.allSatisfy((probe) -> assertThat(probe.getExec().getCommand()).containsExactly("redis-cli", "ping"));
	}

}
