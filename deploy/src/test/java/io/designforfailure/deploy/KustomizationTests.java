package io.designforfailure.deploy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests as kustomize sees them: every file is listed (so none is silently left
 * out), every listed file exists, and every field is one Kubernetes knows.
 */
class KustomizationTests {

	private static final Manifests base = Manifests.base();

	@Test
	void everyManifestIsListedInItsKustomization() throws IOException {
		try (Stream<Path> files = Files.walk(Manifests.KUBERNETES)) {
			List<Path> manifests = files.filter((file) -> file.toString().matches(".*\\.ya?ml"))
				.filter((file) -> !file.getFileName().toString().equals(Kustomization.FILE_NAME))
				.toList();
			assertThat(manifests).isNotEmpty().allSatisfy((file) -> {
				Kustomization owner = Kustomization.read(file.getParent());
				assertThat(owner.resources()).as("resources of %s", owner.directory())
					.contains(file.getFileName().toString());
			});
		}
	}

	@Test
	void everyListedResourceExists() {
		for (Manifests manifests : List.of(base, Manifests.chaosOverlay())) {
			Kustomization kustomization = manifests.kustomization();
			assertThat(kustomization.apiVersion()).isEqualTo("kustomize.config.k8s.io/v1beta1");
			assertThat(kustomization.kind()).isEqualTo("Kustomization");
			assertThat(kustomization.resources())
				.allSatisfy((resource) -> assertThat(kustomization.directory().resolve(resource)).isRegularFile());
			assertThat(kustomization.bases()).allSatisfy((directory) -> assertThat(
					kustomization.directory().resolve(directory).resolve(Kustomization.FILE_NAME))
				.isRegularFile());
		}
	}

	/**
	 * The version lives in the poms: the manifests name the images they build untagged,
	 * and the kustomization tags them, in one place, with the poms' version.
	 */
	@Test
	void tagsTheImagesOfThisProjectInOnePlaceWithThePomsVersion() {
		Kustomization kustomization = base.kustomization();
		List<String> written = kustomization.resources()
			.stream()
			.flatMap((resource) -> Manifests.readObjects(kustomization.directory().resolve(resource)).stream())
			.filter(Deployment.class::isInstance)
			.flatMap((
					deployment) -> ((Deployment) deployment).getSpec().getTemplate().getSpec().getContainers().stream())
			.map(Container::getImage)
			.filter((image) -> image.startsWith("designing-for-failure/"))
			.toList();

		assertThat(written).as("this project's images, as the manifests name them").hasSize(3).allSatisfy((image) -> {
			assertThat(image).as("a tag written in a manifest").doesNotContain(":");
		});
		assertThat(kustomization.images()).extracting(Kustomization.Image::name)
			.containsExactlyInAnyOrderElementsOf(written);
		assertThat(kustomization.images()).extracting(Kustomization.Image::newTag)
			.containsOnly(System.getProperty("deploy.version"));
	}

	@Test
	void everythingLivesInTheNamespaceTheBaseCreates() {
		assertThat(base.all(Namespace.class)).extracting((namespace) -> namespace.getMetadata().getName())
			.containsExactly(base.kustomization().namespace());
		assertThat(base.objects()).filteredOn((object) -> object.getMetadata().getNamespace() != null)
			.extracting(KustomizationTests::name)
			.as("the kustomization sets the namespace, never a file")
			.isEmpty();
	}

	@Test
	void everyFieldIsOneKubernetesKnows() {
		assertThat(base.objects()).flatExtracting((object) -> unknownFields(object, name(object)))
			.as("fields the Kubernetes API would drop or reject")
			.isEmpty();
	}

	private static String name(HasMetadata object) {
		return object.getKind() + "/" + object.getMetadata().getName();
	}

	/**
	 * fabric8 keeps what it does not recognise in {@code additionalProperties} instead of
	 * failing: walk the model and report every such field with its path.
	 */
	private static List<String> unknownFields(Object node, String path) {
		List<String> unknown = new ArrayList<>();
		if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			if (node instanceof Collection<?> items) {
				items.forEach((item) -> unknown.addAll(unknownFields(item, path + "[]")));
			}
			return unknown;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
					|| getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value = invoke(getter, node);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) value).keySet().forEach((key) -> unknown.add(path + "." + key));
			}
			else {
				unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3)));
			}
		}
		return unknown;
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
