package io.designforfailure.benchmark.replicas;

import java.net.URI;
import java.time.Duration;

import io.designforfailure.launcher.SteadyLoad;

/**
 * The smoke test's load while it restarts and kills replicas: {@code RATE} requests a
 * second of home, search and product pages on the compose storefront, the load balancer,
 * and nothing else, until it is stopped ({@code docker stop}) or {@code SECONDS} (at most
 * ten minutes) have passed; then it prints what they got, one line beginning
 * {@code steady load:} with {@code failed=N} in it.
 * <p>
 * Usage, in the load-generator image:
 * {@code java -cp /app/benchmark.jar -Dloader.main=io.designforfailure.benchmark.replicas.ComposeLoad org.springframework.boot.loader.launch.PropertiesLauncher RATE SECONDS}
 */
public final class ComposeLoad {

	private static final URI STOREFRONT = URI.create("http://storefront:8080");

	private ComposeLoad() {
	}

	public static void main(String[] args) {
		int perSecond = Integer.parseInt(args[0]);
		Duration duration = Duration.ofSeconds(Math.min(Long.parseLong(args[1]), 600));
		SteadyLoad load = new SteadyLoad((n) -> STOREFRONT.resolve(RollingRestart.page(n)), perSecond, duration);
		// Stopped or done, the result is printed once, on the way out.
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> System.out.println("steady load: " + load.stop()), "report"));
		SteadyLoad.sleep(duration);
		System.exit(0);
	}

}
