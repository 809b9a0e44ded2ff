package io.designforfailure.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local cluster's database: one replica on a persistent volume, its own non-root
 * user, probed by {@code pg_isready}, and given the time for a clean shutdown.
 */
class PostgresTests {

	private static final Manifests base = Manifests.base();

	private final StatefulSet postgres = base.one(StatefulSet.class, "postgres");

	private final PodSpec pod = base.pod("postgres");

	private final Container container = base.container("postgres");

	@Test
	void keepsItsDataOnAPersistentVolume() {
		assertThat(this.postgres.getSpec().getReplicas()).isEqualTo(1);
		assertThat(this.postgres.getSpec().getVolumeClaimTemplates()).singleElement()
			.satisfies((claim) -> assertThat(this.container.getVolumeMounts())
				.anySatisfy((mount) -> assertThat(mount.getName()).isEqualTo(claim.getMetadata().getName())));
	}

	@Test
	void runsAsThePostgresUserWithoutPrivileges() {
		assertThat(this.pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(this.pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
		assertThat(this.pod.getSecurityContext().getFsGroup()).as("so the volume is writable").isEqualTo(999L);
		assertThat(this.container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(this.container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
	}

	@Test
	void isProbedByPgIsReadyAndRequestsAndLimitsResources() {
		assertThat(List.of(this.container.getStartupProbe(), this.container.getLivenessProbe(),
				this.container.getReadinessProbe()))
			.allSatisfy((probe) -> assertThat(probe.getExec().getCommand()).first().isEqualTo("pg_isready"));
		assertThat(this.container.getResources().getRequests()).containsKeys("cpu", "memory");
		assertThat(this.container.getResources().getLimits()).containsKeys("cpu", "memory");
	}

}
