package io.designforfailure.deploy;

import java.net.URI;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings in the ConfigMaps are ones the services read, and every address in them
 * reaches a Service that exists, on the port it serves.
 */
class ConfigurationTests {

	private static final Manifests base = Manifests.base();

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void eachServiceReadsItsOwnConfigMap(String service) {
		Container container = base.container(service);
		assertThat(container.getEnvFrom()).singleElement()
			.satisfies((source) -> assertThat(source.getConfigMapRef().getName()).isEqualTo(service + "-config"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "storefront", "recommendations", "search" })
	void everySettingIsOneTheServiceReads(String service) {
		ServiceConfig config = ServiceConfig.of(service);
		assertThat(base.configMap(service + "-config").getData().keySet()).allSatisfy(
				(key) -> assertThat(config.readsVariable(key) || key.matches("(SPRING|MANAGEMENT|SERVER)_[A-Z_]+"))
					.as("%s is a placeholder in %s's application.yml or a Spring property", key, service)
					.isTrue());
	}

	@ParameterizedTest
	@CsvSource({ "RECOMMENDATIONS_URL, recommendations", "SEARCH_URL, search" })
	void theStorefrontCallsItsDependenciesThroughTheirServices(String variable, String service) {
		URI address = URI.create(base.configMap("storefront-config").getData().get(variable));
		assertThat(address.getScheme()).isEqualTo("http");
		assertThat(address.getHost()).isEqualTo(service);
		assertThat(address.getPort()).isEqualTo(servicePort(service));
	}

	@Test
	void theStorefrontsChaosControlsAreOffInTheBase() {
		assertThat(base.configMap("storefront-config").getData()).containsEntry("STOREFRONT_CHAOS_ENABLED", "false");
		assertThat(base.all(io.fabric8.kubernetes.api.model.ConfigMap.class))
			.allSatisfy((map) -> assertThat(map.getData()).doesNotContainKey("SPRING_PROFILES_ACTIVE"));
	}

	@Test
	void recommendationsUsesTheDatabaseThePostgresStatefulSetCreates() {
		Map<String, String> settings = base.configMap("recommendations-config").getData();
		assertThat(settings).containsEntry("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://postgres:" + servicePort("postgres") + "/recommendations");
		Container postgres = base.container("postgres");
		assertThat(value(postgres, "POSTGRES_DB")).isEqualTo("recommendations");
		assertThat(value(postgres, "POSTGRES_USER")).isEqualTo(settings.get("SPRING_DATASOURCE_USERNAME"));
	}

	@Test
	void theDatabasePasswordComesFromOneSecretOnBothSides() {
		Container recommendations = base.container("recommendations");
		Container postgres = base.container("postgres");
		EnvVar client = variable(recommendations, "SPRING_DATASOURCE_PASSWORD");
		EnvVar server = variable(postgres, "POSTGRES_PASSWORD");
		assertThat(client.getValue()).as("never inline").isNull();
		assertThat(client.getValueFrom().getSecretKeyRef()).isEqualTo(server.getValueFrom().getSecretKeyRef());
		Secret secret = base.one(Secret.class, client.getValueFrom().getSecretKeyRef().getName());
		assertThat(secret.getStringData()).containsKey(client.getValueFrom().getSecretKeyRef().getKey());
		assertThat(secret.getStringData().get("password")).as("marked as an example").contains("example");
	}

	private static int servicePort(String name) {
		return base.one(Service.class, name).getSpec().getPorts().get(0).getPort();
	}

	private static EnvVar variable(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " in " + container.getName()));
	}

	private static String value(Container container, String name) {
		return variable(container, name).getValue();
	}

}
