package io.designforfailure.benchmark.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.designforfailure.benchmark.Mode;

/**
 * The system under test on loopback: one search-service and one recommendations-service
 * with Chaos Monkey loaded, and one storefront per {@link Mode}, all calling the same
 * two.
 */
public final class Lab implements AutoCloseable {

	private static final String VERSION = "0.1.0-SNAPSHOT";

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
			this.storefronts.put(mode, new ServiceProcess("storefront-service (" + mode.label() + ")",
					jar(root, work, "storefront-service"), freePort(), arguments, Map.of("RECOMMENDATIONS_URL",
							this.recommendations.uri("").toString(), "SEARCH_URL", this.search.uri("").toString()),
					logs.resolve("storefront-" + mode.label() + ".log")));
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
		return new ServiceProcess(module, jar(root, work, module), freePort(),
				List.of("--spring.profiles.active=chaos-monkey"), Map.of(),
				work.resolve("logs").resolve(module + ".log"));
	}

	/**
	 * A private copy of the module's jar: a build elsewhere in the repository that
	 * rewrites the jar under a running JVM breaks its class loading mid-run.
	 */
	private static Path jar(Path root, Path work, String module) {
		String name = module + "-" + VERSION + ".jar";
		Path jar = root.resolve(module).resolve("target").resolve(name).normalize();
		ServiceProcess.requireJar(jar);
		Path copy = work.resolve("jars").resolve(name);
		try {
			Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy " + jar, ex);
		}
		return copy;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

}
