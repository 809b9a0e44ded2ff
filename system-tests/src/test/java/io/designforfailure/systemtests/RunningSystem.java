package io.designforfailure.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.designforfailure.launcher.PostgresServer;
import io.designforfailure.launcher.ServiceProcess;
import redis.embedded.RedisServer;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * The three real services, recommendations-service's real PostgreSQL and the storefront's
 * real Redis on free ports of 127.0.0.1, started once for the whole test run and put back
 * into a healthy state (chaos off, every process up, both breakers closed) after each
 * test.
 */
final class RunningSystem implements ExtensionContext.Store.CloseableResource {

	/**
	 * Shortened from 10 s for these tests only, so recovery after a fault takes seconds,
	 * not tens of seconds; the behaviour (open, half-open, closed) is the same.
	 */
	static final String BREAKER_OPEN_DURATION = "2s";

	/** How long a breaker may take to close again once its dependency is healthy. */
	static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

	/**
	 * A small heap, the serial collector and C1 only (it starts faster): three JVMs share
	 * two cores with the build.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);

	/**
	 * The trace viewer: Zipkin's executable jar, which the build copies beside the
	 * launcher's, every service sending it every trace.
	 */
	private final ServiceProcess traces;

	/** The settings that make a service send every trace to the viewer. */
	private final Map<String, String> traced;

	/** Named as in compose and the demo. */
	private static final String DATABASE = "recommendations";

	private final PostgresServer database;

	private final RedisServer redis;

	private final int redisPort = ServiceProcess.freeLoopbackPort();

	private final Path root;

	private final String version;

	private final Path logs;

	private final Thread shutdownHook = new Thread(this::stopAll, "system-tests-shutdown");

	private RunningSystem(Path root, String version, Path logs) {
		this.root = root;
		this.version = version;
		this.logs = logs;
		this.database = PostgresServer.createOnFreePort(databaseDirectory());
		this.traces = ServiceProcess.builder("zipkin", traceViewerJar(root), logs.resolve("zipkin.log"))
			.jvmOptions(List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
			// In memory only, bounded: a test run makes a few thousand traces.
			.environment(Map.of("MEM_MAX_SPANS", "50000"))
			.build();
		this.traced = Map.of("MANAGEMENT_ZIPKIN_TRACING_ENDPOINT", this.traces.uri("/api/v2/spans").toString(),
				"MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
		try {
			this.redis = RedisServer.newRedisServer().bind("127.0.0.1").port(this.redisPort).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.processes.put(Service.SEARCH,
				launch(root, version, logs, Service.SEARCH).arguments(List.of("--spring.profiles.active=chaos-monkey"))
					.environment(this.traced)
					.build());
		this.processes
			.put(Service.RECOMMENDATIONS,
					launch(root, version, logs, Service.RECOMMENDATIONS)
						.arguments(List.of("--spring.profiles.active=chaos-monkey"))
						.environment(with(this.traced, Map.of("SPRING_DATASOURCE_URL", this.database.jdbcUrl(DATABASE),
								"SPRING_DATASOURCE_USERNAME", DATABASE, "SPRING_DATASOURCE_PASSWORD", DATABASE)))
						.build());
		this.processes.put(Service.STOREFRONT, storefrontReplica("storefront-service").build());
	}

	/**
	 * A storefront on the system's dependencies and Redis, logging to {@code name}.log:
	 * the system's own, or another replica a test starts beside it.
	 */
	ServiceProcess.Builder storefrontReplica(String name) {
		return ServiceProcess
			.builder(name, ServiceProcess.builtJar(this.root, Service.STOREFRONT.module(), this.version),
					this.logs.resolve(name + ".log"))
			.jvmOptions(JVM_OPTIONS)
			.arguments(List.of("--resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state="
					+ BREAKER_OPEN_DURATION))
			.environment(
					with(this.traced, Map.of("RECOMMENDATIONS_URL", process(Service.RECOMMENDATIONS).uri("").toString(),
							"SEARCH_URL", process(Service.SEARCH).uri("").toString(), "REDIS_URL", redisUrl())));
	}

	String redisUrl() {
		return "redis://127.0.0.1:" + this.redisPort;
	}

	private static Map<String, String> with(Map<String, String> some, Map<String, String> more) {
		Map<String, String> all = new HashMap<>(some);
		all.putAll(more);
		return all;
	}

	private static Path traceViewerJar(Path root) {
		Path jar = root.resolve("service-launcher/target/zipkin-server.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": build the services first, e.g. ./mvnw -B "
					+ "-DskipTests package from the repository root");
		}
		return jar;
	}

	/** A fresh data directory per run. */
	private static Path databaseDirectory() {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A service's own jar, its log under this run's logs, and the shared JVM options. */
	private static ServiceProcess.Builder launch(Path root, String version, Path logs, Service service) {
		return ServiceProcess
			.builder(service.module(), ServiceProcess.builtJar(root, service.module(), version),
					logs.resolve(service.module() + ".log"))
			.jvmOptions(JVM_OPTIONS);
	}

	/** Starts the three services and waits until all are healthy. */
	static RunningSystem start() {
		Path root = Path.of(System.getProperty("system-tests.root", "..")).toAbsolutePath().normalize();
		Path logs = Path.of(System.getProperty("system-tests.logs", "target/logs"));
		try {
			Files.createDirectories(logs);
			// Each run starts with fresh logs; within a run, a restarted service appends
			// to its own.
			for (Service service : Service.values()) {
				Files.deleteIfExists(logs.resolve(service.module() + ".log"));
			}
			Files.deleteIfExists(logs.resolve("zipkin.log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// The jars' version comes from the pom (surefire's system-tests.version), never
		// from here.
		RunningSystem system = new RunningSystem(root, System.getProperty("system-tests.version"), logs);
		Runtime.getRuntime().addShutdownHook(system.shutdownHook);
		try {
			system.traces.start();
			system.startDatabase();
			system.startRedis();
			system.processes.values().forEach(ServiceProcess::start);
			system.traces.awaitHealthy();
			system.processes.values().forEach(ServiceProcess::awaitHealthy);
		}
		catch (RuntimeException ex) {
			system.close();
			throw ex;
		}
		return system;
	}

	Path root() {
		return this.root;
	}

	/** Where this run's logs go. */
	Path logs() {
		return this.logs;
	}

	ServiceProcess process(Service service) {
		return this.processes.get(service);
	}

	/**
	 * Starts recommendations-service's database, if it is stopped, with its role and
	 * database.
	 */
	void startDatabase() {
		this.database.start();
		this.database.ensureDatabase(DATABASE, DATABASE, DATABASE);
	}

	/** Starts the storefront's Redis, if it is stopped. */
	void startRedis() {
		try {
			if (!this.redis.isActive()) {
				this.redis.start();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Redis", ex);
		}
	}

	/** Stops the storefront's Redis. */
	void stopRedis() {
		try {
			this.redis.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop Redis", ex);
		}
	}

	/** Stops the database with a fast shutdown, as an operator would. */
	void stopDatabase() {
		this.database.stop();
	}

	Answer storefront(String path) {
		return get(Service.STOREFRONT, path);
	}

	Answer get(Service service, String path) {
		return get(process(service), path);
	}

	/**
	 * GETs {@code path} from a process a test started itself, such as a second replica.
	 */
	Answer get(ServiceProcess process, String path) {
		return send(HttpRequest.newBuilder(process.uri(path)).GET());
	}

	/** What the trace viewer's API answers at {@code path}, e.g. a trace's spans. */
	Answer traces(String path) {
		return send(HttpRequest.newBuilder(this.traces.uri(path)).GET());
	}

	/**
	 * Delays about one call in {@code everyNth} to a dependency by {@code millis}: a
	 * flaky dependency.
	 */
	void latency(Service service, int millis, int everyNth) {
		chaos(service, "{\"level\":" + everyNth + ",\"latencyActive\":true,\"latencyRangeStart\":" + millis
				+ ",\"latencyRangeEnd\":" + millis + ",\"exceptionsActive\":false}");
	}

	/** The text of a service's Prometheus scrape. */
	String scrape(Service service) {
		return sendForText(HttpRequest.newBuilder(process(service).uri("/actuator/prometheus")).GET());
	}

	/** Kills a dependency's process, as a crash would. */
	void kill(Service service) {
		process(service).kill();
	}

	/** Starts a stopped service again on its port and waits until it is healthy. */
	void restart(Service service) {
		process(service).restart();
	}

	/**
	 * Switches Chaos Monkey assaults on a dependency, e.g.
	 * {@code {"exceptionsActive":true}}.
	 */
	void chaos(Service service, String assaults) {
		HttpRequest.Builder request = HttpRequest.newBuilder(process(service).uri("/actuator/chaosmonkey/assaults"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(assaults));
		Answer answer = send(request);
		if (answer.status() != 200) {
			throw new IllegalStateException("Chaos Monkey on " + service.module() + " refused " + assaults + ": "
					+ answer.status() + " " + answer.body());
		}
	}

	void latency(Service service, int millis) {
		latency(service, millis, 1);
	}

	void exceptions(Service service) {
		chaos(service, "{\"level\":1,\"exceptionsActive\":true,\"latencyActive\":false}");
	}

	void chaosOff(Service service) {
		chaos(service, "{\"latencyActive\":false,\"exceptionsActive\":false}");
	}

	/** The storefront's breaker state for a dependency, e.g. {@code CLOSED}. */
	String breakerState(Service dependency) {
		return storefront("/api/resilience").body()
			.path("dependencies")
			.path(dependency.dependency())
			.path("circuitBreaker")
			.path("state")
			.asText();
	}

	/**
	 * Calls through the storefront until the dependency's breaker is closed and its
	 * section live: a half-open breaker closes only when its trial calls pass, so the
	 * calls are what moves it.
	 */
	void awaitRecovered(Service dependency) {
		await("recovery of " + dependency.dependency()).atMost(RECOVERY_LIMIT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> liveThrough(dependency) && "CLOSED".equals(breakerState(dependency)));
	}

	private boolean liveThrough(Service dependency) {
		Answer answer = (dependency == Service.SEARCH) ? storefront("/api/search?q=recovery")
				: storefront("/api/home?userId=u-recovery");
		JsonNode section = (dependency == Service.SEARCH) ? answer.section("results")
				: answer.section("recommendations");
		return "live".equals(section.path("source").asText());
	}

	/**
	 * Puts the system back as the next test expects it: chaos off, all up, breakers
	 * closed.
	 */
	void restore() {
		startDatabase();
		startRedis();
		for (Service dependency : List.of(Service.SEARCH, Service.RECOMMENDATIONS)) {
			if (!process(dependency).isAlive()) {
				restart(dependency);
			}
			chaosOff(dependency);
		}
		if (!process(Service.STOREFRONT).isAlive()) {
			restart(Service.STOREFRONT);
		}
		awaitRecovered(Service.SEARCH);
		awaitRecovered(Service.RECOMMENDATIONS);
		// Views kept during this test are delivered before the next one counts its own.
		await("the storefront's kept views delivered").atMost(RECOVERY_LIMIT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> new Scrape(scrape(Service.STOREFRONT)).sum("storefront_views_pending", "") == 0);
	}

	@Override
	public void close() {
		stopAll();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook is running or has run.
		}
	}

	private void stopAll() {
		for (Service service : List.of(Service.STOREFRONT, Service.RECOMMENDATIONS, Service.SEARCH)) {
			ServiceProcess process = this.processes.get(service);
			if (process != null) {
				process.stop();
			}
		}
		this.database.stop();
		this.traces.stop();
		if (this.redis.isActive()) {
			stopRedis();
		}
	}

	private Answer send(HttpRequest.Builder request) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			return new Answer(response.statusCode(), parse(response.body()), took, response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer from " + request.build().uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String sendForText(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer from " + request.build().uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode parse(String body) {
		try {
			return json.readTree(body);
		}
		catch (IOException ex) {
			return MissingNode.getInstance();
		}
	}

}
