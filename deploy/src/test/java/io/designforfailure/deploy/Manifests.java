package io.designforfailure.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The objects a kustomization renders, read with fabric8's typed model: the files under
 * {@code resources}, the ConfigMaps its generator makes, and for an overlay its bases
 * with the overlay's generator merged in. Enough of kustomize for what these manifests
 * use.
 */
final class Manifests {

	static final Path ROOT = Path.of(System.getProperty("deploy.root", "..")).toAbsolutePath().normalize();

	static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

	private static final YAMLMapper mapper = new YAMLMapper();

	private final Kustomization kustomization;

	private final List<HasMetadata> objects;

	private Manifests(Kustomization kustomization, List<HasMetadata> objects) {
		this.kustomization = kustomization;
		this.objects = objects;
	}

	static Manifests base() {
		return load(KUBERNETES.resolve("base"));
	}

	static Manifests chaosOverlay() {
		return load(KUBERNETES.resolve("overlays/chaos"));
	}

	static Manifests tracesOverlay() {
		return load(KUBERNETES.resolve("overlays/traces"));
	}

	static Manifests load(Path directory) {
		Kustomization kustomization = Kustomization.read(directory);
		Map<String, HasMetadata> objects = new LinkedHashMap<>();
		for (String base : kustomization.bases()) {
			load(directory.resolve(base).normalize()).objects.forEach((object) -> objects.put(key(object), object));
		}
		for (String resource : kustomization.resources()) {
			readObjects(directory.resolve(resource)).forEach((object) -> objects.put(key(object), object));
		}
		for (HasMetadata object : objects.values()) {
			tagImages(object, kustomization.images());
		}
		for (Kustomization.Generator generator : kustomization.configMapGenerator()) {
			ConfigMap generated = new ConfigMapBuilder().withNewMetadata()
				.withName(generator.name())
				.endMetadata()
				.withData(generator.data())
				.build();
			String key = key(generated);
			if (generator.merges()) {
				ConfigMap merged = (ConfigMap) objects.get(key);
				if (merged == null) {
					throw new IllegalStateException("Nothing to merge into: " + key);
				}
				Map<String, String> data = new LinkedHashMap<>(merged.getData());
				data.putAll(generated.getData());
				generated = new ConfigMapBuilder(merged).withData(data).build();
			}
			objects.put(key, generated);
		}
		return new Manifests(kustomization, List.copyOf(objects.values()));
	}

	static List<HasMetadata> readObjects(Path file) {
		try (MappingIterator<KubernetesResource> documents = mapper.readerFor(KubernetesResource.class)
			.readValues(file.toFile())) {
			List<HasMetadata> objects = new ArrayList<>();
			for (KubernetesResource document : documents.readAll()) {
				objects.add((HasMetadata) document);
			}
			return objects;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What kustomize's {@code images} does: tags the containers that run each image. */
	private static void tagImages(HasMetadata object, List<Kustomization.Image> images) {
		PodTemplateSpec template = (object instanceof Deployment deployment) ? deployment.getSpec().getTemplate()
				: (object instanceof StatefulSet statefulSet) ? statefulSet.getSpec().getTemplate() : null;
		if (template == null) {
			return;
		}
		List<Container> containers = new ArrayList<>(template.getSpec().getContainers());
		containers.addAll(template.getSpec().getInitContainers());
		for (Container container : containers) {
			images.stream()
				.flatMap((image) -> image.tag(container.getImage()).stream())
				.findFirst()
				.ifPresent(container::setImage);
		}
	}

	private static String key(HasMetadata object) {
		return object.getKind() + "/" + object.getMetadata().getName();
	}

	Kustomization kustomization() {
		return this.kustomization;
	}

	List<HasMetadata> objects() {
		return this.objects;
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return all(type).stream().filter((object) -> name.equals(object.getMetadata().getName())).findFirst();
	}

	<T extends HasMetadata> T one(Class<T> type, String name) {
		return find(type, name)
			.orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " named " + name + " in " + this));
	}

	Deployment deployment(String name) {
		return one(Deployment.class, name);
	}

	/** The pod template of the Deployment or StatefulSet of this name. */
	PodTemplateSpec podTemplate(String workload) {
		return find(Deployment.class, workload).map((deployment) -> deployment.getSpec().getTemplate())
			.or(() -> find(StatefulSet.class, workload).map((statefulSet) -> statefulSet.getSpec().getTemplate()))
			.orElseThrow(() -> new AssertionError("No workload named " + workload + " in " + this));
	}

	PodSpec pod(String workload) {
		return podTemplate(workload).getSpec();
	}

	/** A workload's container, named after it. */
	Container container(String workload) {
		return pod(workload).getContainers()
			.stream()
			.filter((container) -> container.getName().equals(workload))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No container " + workload + " in " + workload));
	}

	ConfigMap configMap(String name) {
		return one(ConfigMap.class, name);
	}

	@Override
	public String toString() {
		return this.kustomization.directory().toString();
	}

}
