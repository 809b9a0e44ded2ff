package io.designforfailure.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A service's own {@code application.yml}, which the manifests must agree with: its port,
 * its shutdown phase, its health groups, its profiles and the environment variables it
 * reads.
 */
final class ServiceConfig {

	/**
	 * Spring's default when {@code spring.lifecycle.timeout-per-shutdown-phase} is not
	 * set.
	 */
	private static final Duration DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

	private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}");

	private static final Pattern SECONDS = Pattern.compile("(\\d+)s");

	private final String text;

	private final List<JsonNode> documents;

	private ServiceConfig(String text, List<JsonNode> documents) {
		this.text = text;
		this.documents = documents;
	}

	/**
	 * The configuration of a Kubernetes workload named after its module, {@code search}
	 * for {@code search-service}.
	 */
	static ServiceConfig of(String workload) {
		Path file = Manifests.ROOT.resolve(workload + "-service/src/main/resources/application.yml");
		try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
			.readValues(file.toFile())) {
			return new ServiceConfig(Files.readString(file), documents.readAll());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The port the service listens on when {@code SERVER_PORT} is not set. */
	int defaultPort() {
		Matcher matcher = PLACEHOLDER_DEFAULT.matcher(main().at("/server/port").asText());
		if (!matcher.matches()) {
			throw new IllegalStateException("server.port is not ${SERVER_PORT:nnnn}");
		}
		return Integer.parseInt(matcher.group(1));
	}

	Duration shutdownPhase() {
		JsonNode phase = main().at("/spring/lifecycle/timeout-per-shutdown-phase");
		if (phase.isMissingNode()) {
			return DEFAULT_SHUTDOWN_PHASE;
		}
		Matcher matcher = SECONDS.matcher(phase.asText());
		if (!matcher.matches()) {
			throw new IllegalStateException("timeout-per-shutdown-phase is not in seconds: " + phase.asText());
		}
		return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
	}

	/**
	 * A duration in whole seconds at a JSON pointer into the main document, e.g.
	 * {@code 5s}.
	 */
	Duration seconds(String pointer) {
		String value = main().at(pointer).asText();
		Matcher matcher = SECONDS.matcher(value);
		if (!matcher.matches()) {
			throw new IllegalStateException(pointer + " is not in seconds: " + value);
		}
		return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
	}

	String gracefulShutdown() {
		return main().at("/server/shutdown").asText();
	}

	/** What a health group includes, empty when the service keeps Spring's default. */
	List<String> healthGroup(String group) {
		JsonNode include = main().at("/management/endpoint/health/group/" + group + "/include");
		return include.isMissingNode() ? List.of() : toList(include);
	}

	boolean hasProfile(String profile) {
		return this.documents.stream()
			.anyMatch((document) -> profile.equals(document.at("/spring/config/activate/on-profile").asText()));
	}

	/** Whether the configuration reads this environment variable as a placeholder. */
	boolean readsVariable(String name) {
		return this.text.contains("${" + name + ":") || this.text.contains("${" + name + "}");
	}

	private static List<String> toList(JsonNode include) {
		if (include.isTextual()) {
			return List.of(include.asText().split("\\s*,\\s*"));
		}
		return include.valueStream().map(JsonNode::asText).toList();
	}

	private JsonNode main() {
		return this.documents.get(0);
	}

}
