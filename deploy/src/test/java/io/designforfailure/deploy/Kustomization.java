package io.designforfailure.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A {@code kustomization.yaml}, limited to the fields kustomize v2.0.3 (Debian's kubectl
 * 1.20) understands: a field outside this record fails the read, so a newer feature
 * cannot slip in.
 */
record Kustomization(Path directory, String apiVersion, String kind, String namespace, List<String> resources,
		List<String> bases, List<Image> images, List<Generator> configMapGenerator) {

	static final String FILE_NAME = "kustomization.yaml";

	private static final YAMLMapper mapper = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	Kustomization {
		resources = (resources != null) ? resources : List.of();
		bases = (bases != null) ? bases : List.of();
		images = (images != null) ? images : List.of();
		configMapGenerator = (configMapGenerator != null) ? configMapGenerator : List.of();
	}

	static Kustomization read(Path directory) {
		try {
			Kustomization read = mapper.readValue(directory.resolve(FILE_NAME).toFile(), Kustomization.class);
			return new Kustomization(directory, read.apiVersion, read.kind, read.namespace, read.resources, read.bases,
					read.images, read.configMapGenerator);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The tag every container running the named image gets.
	 *
	 * @param name the image, without a tag
	 * @param newTag its tag
	 */
	record Image(String name, String newTag) {

		/** The image with its tag, if {@code image} names it untagged. */
		Optional<String> tag(String image) {
			return this.name.equals(image) ? Optional.of(this.name + ":" + this.newTag) : Optional.empty();
		}

	}

	/**
	 * One generated ConfigMap: {@code literals} are {@code KEY=value};
	 * {@code behavior: merge} adds them to the base's ConfigMap of the same name.
	 */
	record Generator(String name, String behavior, List<String> literals) {

		boolean merges() {
			return "merge".equals(this.behavior);
		}

		Map<String, String> data() {
			Map<String, String> data = new LinkedHashMap<>();
			for (String literal : this.literals) {
				int equals = literal.indexOf('=');
				if (equals < 1) {
					throw new IllegalArgumentException("Not KEY=value: " + literal);
				}
				data.put(literal.substring(0, equals), literal.substring(equals + 1));
			}
			return data;
		}

	}

}
