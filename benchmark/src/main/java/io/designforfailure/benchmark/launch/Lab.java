package io.designforfailure.benchmark.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.fault.FlakyProxy;
import io.designforfailure.launcher.PostgresServer;
import io.designforfailure.launcher.ServiceProcess;

/**
 * The system under test on loopback: one search-service and one recommendations-service
 * with Chaos Monkey loaded, recommendations-service's own PostgreSQL, and one storefront
 * per {@link Mode} asked for, all calling the same two; for the retry storm, also a
 * {@link FlakyProxy} in front of search and one more storefront per mode that calls
 * search through it, so the other scenarios' calls never take the proxy's extra hop; to
 * measure what recording views costs, two more guarded storefronts, twins but for
 * recording them; to measure what tracing costs, two more alike but for tracing and the
 * Zipkin the traced one (and the dependencies) send spans to.
 */
public final class Lab implements AutoCloseable {

	/** Every service gets the same small heap, so both storefronts are measured alike. */
	static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

	/** Every run draws the same failures in the same order of arrival. */
	private static final long PROXY_SEED = 20261201L;

	/** Named as in compose and the demo: the database, its owner and password. */
	static final String DATABASE = "recommendations";

	private final PostgresServer database;

	private final ServiceProcess search;

	private final ServiceProcess recommendations;

	private final Map<Mode, ServiceProcess> storefronts = new EnumMap<>(Mode.class);

	private final FlakyProxy proxy;

	private final Map<Mode, ServiceProcess> flakyStorefronts = new EnumMap<>(Mode.class);

	private final Map<Boolean, ServiceProcess> twins = new HashMap<>();

	private final Map<Boolean, ServiceProcess> tracingTwins = new HashMap<>();

	private final ServiceProcess zipkin;

	private final List<String> storefrontSettings;

	private Lab(Path root, Path work, Set<Mode> modes, Set<Extra> extras) {
		this.storefrontSettings = extras.contains(Extra.BREAKER_EVENTS)
				? List.of("--resilience4j.circuitbreaker.configs.default.event-consumer-buffer-size=3000") : List.of();
		this.database = PostgresServer.createOnFreePort(databaseDirectory(work));
		boolean tracing = extras.contains(Extra.TRACING_TWINS);
		this.zipkin = tracing ? zipkin(root, work) : null;
		Map<String, String> traced = tracing ? dependenciesTraced(this.zipkin) : Map.of();
		this.search = dependency(root, work, "search-service", traced);
		Map<String, String> recommendations = new HashMap<>(traced);
		recommendations.putAll(Map.of("SPRING_DATASOURCE_URL", this.database.jdbcUrl(DATABASE),
				"SPRING_DATASOURCE_USERNAME", DATABASE, "SPRING_DATASOURCE_PASSWORD", DATABASE));
		this.recommendations = dependency(root, work, "recommendations-service", recommendations);
		Path storefrontJar = jar(root, work, "storefront-service");
		for (Mode mode : modes) {
			this.storefronts.put(mode, storefront(storefrontJar, work, mode, "", this.search.uri(""), List.of()));
		}
		boolean flaky = extras.contains(Extra.FLAKY_SEARCH);
		this.proxy = flaky ? new FlakyProxy(this.search.uri(""), PROXY_SEED) : null;
		if (flaky) {
			for (Mode mode : modes) {
				this.flakyStorefronts.put(mode,
						storefront(storefrontJar, work, mode, "flaky", this.proxy.uri(), List.of()));
			}
		}
		if (extras.contains(Extra.TWINS)) {
			for (boolean recording : List.of(true, false)) {
				this.twins.put(recording,
						storefront(storefrontJar, work, Mode.GUARDED,
								recording ? "twin recording views" : "twin not recording views", this.search.uri(""),
								List.of("--storefront.recommendations.views.enabled=" + recording)));
			}
		}
		if (tracing) {
			this.tracingTwins.put(true,
					storefront(storefrontJar, work, Mode.GUARDED, "twin tracing", this.search.uri(""),
							List.of("--management.tracing.sampling.probability=1.0",
									"--management.zipkin.tracing.endpoint=" + this.zipkin.uri("/api/v2/spans"))));
			this.tracingTwins.put(false, storefront(storefrontJar, work, Mode.GUARDED, "twin not tracing",
					this.search.uri(""), List.of("--management.tracing.enabled=false")));
		}
	}

	/**
	 * Zipkin's executable jar, which the build copies beside the launcher's, in memory,
	 * as the demo runs it.
	 */
	private static ServiceProcess zipkin(Path root, Path work) {
		return ServiceProcess
			.builder("zipkin", root.resolve("service-launcher/target/zipkin-server.jar"),
					work.resolve("logs").resolve("zipkin.log"))
			.jvmOptions(JVM_OPTIONS)
			.environment(Map.of("MEM_MAX_SPANS", "50000"))
			.build();
	}

	/**
	 * The dependencies continue the traced twin's traces (its traceparent says sampled)
	 * and send their spans to Zipkin, but start none of their own: the calls of the twin
	 * with tracing off, which sends no traceparent, cost them no span.
	 */
	private static Map<String, String> dependenciesTraced(ServiceProcess zipkin) {
		return Map.of("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.0", "MANAGEMENT_ZIPKIN_TRACING_ENDPOINT",
				zipkin.uri("/api/v2/spans").toString());
	}

	/**
	 * Starts the database and the JVMs side by side and returns when every one is
	 * healthy.
	 * @param modes the storefronts to start, one per mode
	 * @param extras what to start besides
	 */
	public static Lab start(Path root, Path work, Set<Mode> modes, Set<Extra> extras) {
		try {
			Files.createDirectories(work.resolve("logs"));
			Files.createDirectories(work.resolve("jars"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Lab lab = new Lab(root, work, modes, extras);
		try {
			lab.database.start();
			lab.database.ensureDatabase(DATABASE, DATABASE, DATABASE);
			if (lab.zipkin != null) {
				// First, alone: it is the largest JVM, and among the others it missed the
				// start-up limit on a busy machine.
				lab.zipkin.start();
				lab.zipkin.awaitHealthy();
			}
			// The dependencies next, each warming up before it is ready, then the
			// storefronts, as many at a time as there are cores: a dozen JVMs starting at
			// once on two busy cores took each past its startup limit.
			List<ServiceProcess> dependencies = List.of(lab.search, lab.recommendations);
			dependencies.forEach(ServiceProcess::start);
			dependencies.forEach(ServiceProcess::awaitHealthy);
			List<ServiceProcess> storefronts = lab.storefronts();
			int batch = Math.max(1, Runtime.getRuntime().availableProcessors());
			for (int first = 0; first < storefronts.size(); first += batch) {
				List<ServiceProcess> starting = storefronts.subList(first, Math.min(storefronts.size(), first + batch));
				starting.forEach(ServiceProcess::start);
				starting.forEach(ServiceProcess::awaitHealthy);
			}
			return lab;
		}
		catch (RuntimeException ex) {
			lab.close();
			throw ex;
		}
	}

	/** What a run may need besides a storefront per mode. */
	public enum Extra {

		/**
		 * A flaky proxy in front of search, and one storefront per mode that calls search
		 * through it.
		 */
		FLAKY_SEARCH,

		/**
		 * Two guarded storefronts alike but for recording views: one does, one does not.
		 */
		TWINS,

		/**
		 * Two guarded storefronts alike but for tracing: one samples every request and
		 * exports it to a Zipkin started with them, one has tracing off.
		 */
		TRACING_TWINS,

		/**
		 * Every storefront keeps its breakers' latest 3,000 events instead of 20, so a
		 * {@link io.designforfailure.benchmark.observe.BreakerRecorder} polling every 200
		 * ms sees every call.
		 */
		BREAKER_EVENTS

	}

	/** recommendations-service's PostgreSQL. */
	public PostgresServer database() {
		return this.database;
	}

	public ServiceProcess search() {
		return this.search;
	}

	public ServiceProcess recommendations() {
		return this.recommendations;
	}

	/** The storefront that calls both dependencies directly. */
	public ServiceProcess storefront(Mode mode) {
		return this.storefronts.get(mode);
	}

	/** Whether this lab runs the flaky proxy and the storefronts behind it. */
	public boolean flaky() {
		return this.proxy != null;
	}

	/**
	 * The storefront that calls search through the flaky proxy.
	 * @throws IllegalStateException if the lab was started without it
	 */
	public ServiceProcess flakyStorefront(Mode mode) {
		if (this.proxy == null) {
			throw new IllegalStateException("This lab was started without the flaky proxy");
		}
		return this.flakyStorefronts.get(mode);
	}

	/**
	 * The proxy in front of search for the flaky storefronts.
	 * @throws IllegalStateException if the lab was started without it
	 */
	public FlakyProxy proxy() {
		if (this.proxy == null) {
			throw new IllegalStateException("This lab was started without the flaky proxy");
		}
		return this.proxy;
	}

	/** Whether this lab runs the twin storefronts. */
	public boolean twins() {
		return !this.twins.isEmpty();
	}

	/**
	 * One of the two guarded storefronts alike but for recording views.
	 * @param recording the one that records them, or the one that does not
	 * @throws IllegalStateException if the lab was started without them
	 */
	public ServiceProcess twin(boolean recording) {
		if (this.twins.isEmpty()) {
			throw new IllegalStateException("This lab was started without the twin storefronts");
		}
		return this.twins.get(recording);
	}

	/** Whether this lab runs the twin storefronts alike but for tracing. */
	public boolean tracingTwins() {
		return !this.tracingTwins.isEmpty();
	}

	/**
	 * One of the two guarded storefronts alike but for tracing.
	 * @param tracing the one that traces every request, or the one with tracing off
	 * @throws IllegalStateException if the lab was started without them
	 */
	public ServiceProcess tracingTwin(boolean tracing) {
		if (this.tracingTwins.isEmpty()) {
			throw new IllegalStateException("This lab was started without the tracing twins");
		}
		return this.tracingTwins.get(tracing);
	}

	/** The modes this lab runs a storefront of. */
	public Set<Mode> modes() {
		return this.storefronts.keySet();
	}

	/** Every JVM but search-service's: what shares the other cores when it is pinned. */
	public List<ServiceProcess> others() {
		List<ServiceProcess> others = new ArrayList<>(List.of(this.recommendations));
		others.addAll(storefronts());
		if (this.zipkin != null) {
			others.add(this.zipkin);
		}
		return others;
	}

	/** Every storefront, the flaky ones and the twins last. */
	public List<ServiceProcess> storefronts() {
		List<ServiceProcess> all = new ArrayList<>(this.storefronts.values());
		all.addAll(this.flakyStorefronts.values());
		if (twins()) {
			all.addAll(List.of(twin(true), twin(false)));
		}
		if (tracingTwins()) {
			all.addAll(List.of(tracingTwin(true), tracingTwin(false)));
		}
		return List.copyOf(all);
	}

	/**
	 * Kills every JVM this lab started, stops its proxy and its database; nothing
	 * outlives it.
	 */
	@Override
	public void close() {
		all().forEach(ServiceProcess::kill);
		if (this.proxy != null) {
			this.proxy.close();
		}
		this.database.stop();
	}

	private List<ServiceProcess> all() {
		List<ServiceProcess> all = new ArrayList<>(List.of(this.search, this.recommendations));
		if (this.zipkin != null) {
			all.add(0, this.zipkin);
		}
		all.addAll(storefronts());
		return all;
	}

	private ServiceProcess storefront(Path jar, Path work, Mode mode, String variant, URI search,
			List<String> settings) {
		List<String> arguments = new ArrayList<>(mode.arguments());
		arguments.addAll(settings);
		arguments.addAll(this.storefrontSettings);
		// Tomcat's thread metrics exist only with its MBean registry on.
		arguments.add("--server.tomcat.mbeanregistry.enabled=true");
		// The faults are switched through the storefront's /api/chaos.
		arguments.add("--storefront.chaos.enabled=true");
		String label = variant.isEmpty() ? mode.label() : variant + ", " + mode.label();
		String file = variant.isEmpty() ? mode.label() : variant.replace(' ', '-') + "-" + mode.label();
		return ServiceProcess
			.builder("storefront-service (" + label + ")", jar,
					work.resolve("logs").resolve("storefront-" + file + ".log"))
			.jvmOptions(JVM_OPTIONS)
			.arguments(arguments)
			.environment(Map.of("RECOMMENDATIONS_URL", this.recommendations.uri("").toString(), "SEARCH_URL",
					search.toString()))
			.build();
	}

	static ServiceProcess dependency(Path root, Path work, String module, Map<String, String> environment) {
		return ServiceProcess.builder(module, jar(root, work, module), work.resolve("logs").resolve(module + ".log"))
			.jvmOptions(JVM_OPTIONS)
			.arguments(List.of("--spring.profiles.active=chaos-monkey"))
			.environment(environment)
			.build();
	}

	/**
	 * A fresh data directory per run, which the server's unprivileged user (when we are
	 * root) can reach; each run begins with the seed users only.
	 */
	static Path databaseDirectory(Path work) {
		try {
			Path databases = work.resolve("databases");
			deleteRecursively(databases);
			return Files.createDirectories(databases.resolve("recommendations"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
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
	static Path jar(Path root, Path work, String module) {
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
