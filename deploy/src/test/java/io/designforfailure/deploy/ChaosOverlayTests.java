package io.designforfailure.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code overlays/chaos} is the base with failure injection switched on, and nothing
 * else: the dependencies load Chaos Monkey, the storefront shows the chaos controls.
 */
class ChaosOverlayTests {

	private static final Manifests base = Manifests.base();

	private static final Manifests chaos = Manifests.chaosOverlay();

	@Test
	void buildsOnTheBaseInTheSameNamespace() {
		assertThat(chaos.kustomization().bases()).containsExactly("../../base");
		assertThat(chaos.kustomization().resources()).isEmpty();
		assertThat(chaos.kustomization().namespace()).isEqualTo(base.kustomization().namespace());
	}

	@ParameterizedTest
	@ValueSource(strings = { "recommendations", "search" })
	void theDependenciesRunTheChaosMonkeyProfile(String service) {
		assertThat(ServiceConfig.of(service).hasProfile("chaos-monkey")).isTrue();
		assertThat(chaos.configMap(service + "-config").getData()).containsEntry("SPRING_PROFILES_ACTIVE",
				"chaos-monkey");
	}

	@Test
	void theStorefrontShowsTheChaosControls() {
		assertThat(ServiceConfig.of("storefront").readsVariable("STOREFRONT_CHAOS_ENABLED")).isTrue();
		assertThat(chaos.configMap("storefront-config").getData()).containsEntry("STOREFRONT_CHAOS_ENABLED", "true");
	}

	@Test
	void changesOnlyTheSettingsAndKeepsEveryOtherObject() {
		assertThat(chaos.kustomization().configMapGenerator())
			.allSatisfy((generator) -> assertThat(generator.merges()).as(generator.name()).isTrue());
		assertThat(names(chaos)).isEqualTo(names(base));
		assertThat(chaos.configMap("storefront-config").getData())
			.containsAllEntriesOf(withoutChaos(base.configMap("storefront-config").getData()));
	}

	private static List<String> names(Manifests manifests) {
		return manifests.objects()
			.stream()
			.map((object) -> object.getKind() + "/" + object.getMetadata().getName())
			.toList();
	}

	private static Map<String, String> withoutChaos(Map<String, String> settings) {
		Map<String, String> others = new LinkedHashMap<>(settings);
		others.remove("STOREFRONT_CHAOS_ENABLED");
		return others;
	}

}
