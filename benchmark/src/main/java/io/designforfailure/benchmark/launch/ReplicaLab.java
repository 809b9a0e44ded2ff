package io.designforfailure.benchmark.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.designforfailure.launcher.LoadBalancer;
import io.designforfailure.launcher.PostgresServer;
import io.designforfailure.launcher.ServiceProcess;
import io.designforfailure.launcher.TcpRelay;
import redis.embedded.RedisServer;

/**
 * Two guarded storefront replicas sharing a real Redis, behind HAProxy with the
 * configuration compose uses, in front of the real dependencies and database, all on
 * loopback: what the rolling-restart scenario restarts and kills. Redis is reached
 * through a {@link TcpRelay}, so a run can stop, black-hole or slow it.
 */
public final class ReplicaLab implements AutoCloseable {

	private final PostgresServer database;

	private final ServiceProcess search;

	private final ServiceProcess recommendations;

	private final RedisServer redis;

	private final TcpRelay redisRelay;

	private final List<ServiceProcess> replicas = new ArrayList<>();

	private LoadBalancer balancer;

	private ReplicaLab(Path root, Path work) throws IOException {
		this.database = PostgresServer.createOnFreePort(Lab.databaseDirectory(work));
		this.search = Lab.dependency(root, work, "search-service", Map.of());
		this.recommendations = Lab.dependency(root, work, "recommendations-service",
				Map.of("SPRING_DATASOURCE_URL", this.database.jdbcUrl(Lab.DATABASE), "SPRING_DATASOURCE_USERNAME",
						Lab.DATABASE, "SPRING_DATASOURCE_PASSWORD", Lab.DATABASE));
		int redisPort = ServiceProcess.freeLoopbackPort();
		this.redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort).build();
		this.redisRelay = new TcpRelay(redisPort);
		Path jar = Lab.jar(root, work, "storefront-service");
		for (int replica = 1; replica <= 2; replica++) {
			this.replicas.add(ServiceProcess
				.builder("storefront-service (replica " + replica + ")", jar,
						work.resolve("logs").resolve("storefront-replica-" + replica + ".log"))
				.jvmOptions(Lab.JVM_OPTIONS)
				.environment(Map.of("RECOMMENDATIONS_URL", this.recommendations.uri("").toString(), "SEARCH_URL",
						this.search.uri("").toString(), "REDIS_URL", "redis://127.0.0.1:" + this.redisRelay.port()))
				.build());
		}
	}

	/**
	 * Starts everything and returns when every service is healthy and HAProxy listens.
	 * @param root the repository, for the jars and docker/haproxy/haproxy.cfg
	 */
	public static ReplicaLab start(Path root, Path work) {
		ReplicaLab lab;
		try {
			Files.createDirectories(work.resolve("logs"));
			Files.createDirectories(work.resolve("jars"));
			lab = new ReplicaLab(root, work);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			lab.database.start();
			lab.database.ensureDatabase(Lab.DATABASE, Lab.DATABASE, Lab.DATABASE);
			lab.redis.start();
			List<ServiceProcess> all = lab.all();
			all.forEach(ServiceProcess::start);
			all.forEach(ServiceProcess::awaitHealthy);
			lab.balancer = LoadBalancer.start(root.resolve("docker/haproxy/haproxy.cfg"),
					work.resolve("logs").resolve("haproxy.log"), lab.replica(1).uri(""), lab.replica(2).uri(""));
			return lab;
		}
		catch (IOException | RuntimeException ex) {
			lab.close();
			throw (ex instanceof RuntimeException runtime) ? runtime : new UncheckedIOException((IOException) ex);
		}
	}

	/** Replica 1 or 2. */
	public ServiceProcess replica(int number) {
		return this.replicas.get(number - 1);
	}

	/** Where shoppers go: HAProxy. */
	public URI balancer(String path) {
		return this.balancer.uri(path);
	}

	/** What stands between the replicas and Redis. */
	public TcpRelay redis() {
		return this.redisRelay;
	}

	public ServiceProcess search() {
		return this.search;
	}

	@Override
	public void close() {
		if (this.balancer != null) {
			this.balancer.close();
		}
		all().forEach(ServiceProcess::kill);
		this.redisRelay.close();
		try {
			this.redis.stop();
		}
		catch (IOException ex) {
			// Stopping what may not have started.
		}
		this.database.stop();
	}

	private List<ServiceProcess> all() {
		List<ServiceProcess> all = new ArrayList<>(List.of(this.search, this.recommendations));
		all.addAll(this.replicas);
		return all;
	}

}
