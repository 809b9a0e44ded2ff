package io.designforfailure.benchmark.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.launcher.ServiceProcess;

/**
 * The system under test on loopback: one search-service and one recommendations-service
 * with Chaos Monkey loaded, and one storefront per {@link Mode}, all calling the same
 * two.
 */
public final class Lab implements AutoCloseable {

	/** Every service gets the same small heap, so both storefronts are measured alike. */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

	private final ServiceProcess search;

	private final ServiceProcess recommendations;

	private final Map<Mode, ServiceProcess> storefronts = new EnumMap<>(Mode.class);

	private Lab(Path root, Path work) {
		Path logs = work.resolve("logs");
		this.search = dependency(root, work, "search-service");
		this.recommendations = dependency(root, work, "recommendations-service");
		for (Mode mode : Mode.values()) {
			List<String> arguments = new ArrayList<>(mode.arguments());
			// Tomcat's thread metrics exist only with its MBean registry on.
			arguments.add("--server.tomcat.mbeanregistry.enabled=true");
			// The faults are switched through the storefront's /api/chaos.
			arguments.add("--storefront.chaos.enabled=true");
			this.storefronts.put(mode,
					ServiceProcess
						.builder("storefront-service (" + mode.label() + ")", jar(root, work, "storefront-service"),
								logs.resolve("storefront-" + mode.label() + ".log"))
						.jvmOptions(JVM_OPTIONS)
						.arguments(arguments)
						.environment(Map.of("RECOMMENDATIONS_URL", this.recommendations.uri("").toString(),
								"SEARCH_URL", this.search.uri("").toString()))
						.build());
		}
	}

	/** Starts all four JVMs side by side and returns when every one is healthy. */
	public static Lab start(Path root, Path work) {
		try {
			Files.createDirectories(work.resolve("logs"));
			Files.createDirectories(work.resolve("jars"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Lab lab = new Lab(root, work);
		try {
			List<ServiceProcess> all = lab.all();
			all.forEach(ServiceProcess::start);
			all.forEach(ServiceProcess::awaitHealthy);
			return lab;
		}
		catch (RuntimeException ex) {
			lab.close();
			throw ex;
		}
	}

	public ServiceProcess search() {
		return this.search;
	}

	public ServiceProcess recommendations() {
		return this.recommendations;
	}

	public ServiceProcess storefront(Mode mode) {
		return this.storefronts.get(mode);
	}

	/** Kills every JVM this lab started; nothing it started outlives it. */
	@Override
	public void close() {
		all().forEach(ServiceProcess::kill);
	}

	private List<ServiceProcess> all() {
		return List.of(this.search, this.recommendations, this.storefronts.get(Mode.GUARDED),
				this.storefronts.get(Mode.NAIVE));
	}

	private static ServiceProcess dependency(Path root, Path work, String module) {
		return ServiceProcess.builder(module, jar(root, work, module), work.resolve("logs").resolve(module + ".log"))
			.jvmOptions(JVM_OPTIONS)
			.arguments(List.of("--spring.profiles.active=chaos-monkey"))
			.build();
	}

	/**
	 * The services are built with the benchmark, so they carry its version: the one its
	 * jar's manifest has from the pom.
	 */
	private static String version() {
		String version = Lab.class.getPackage().getImplementationVersion();
		if (version == null) {
			throw new IllegalStateException("No Implementation-Version in the manifest: run the benchmark from its jar "
					+ "(./demo bench, or java -jar benchmark/target/benchmark-*.jar)");
		}
		return version;
	}

	/**
	 * A private copy of the module's jar: a build elsewhere in the repository that
	 * rewrites the jar under a running JVM breaks its class loading mid-run.
	 */
	private static Path jar(Path root, Path work, String module) {
		Path jar = ServiceProcess.builtJar(root, module, version());
		Path copy = work.resolve("jars").resolve(jar.getFileName());
		try {
			Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy " + jar, ex);
		}
		return copy;
	}

}
