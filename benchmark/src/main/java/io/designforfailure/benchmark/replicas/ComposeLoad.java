package io.designforfailure.benchmark.replicas;

import java.net.URI;
import java.time.Duration;

import io.designforfailure.launcher.SteadyLoad;

/**
 * The smoke test's load while it restarts and kills replicas: {@code RATE} requests a
 * second of home, search and product pages for {@code SECONDS} (at most ten minutes) on
 * the compose storefront, the load balancer, and nothing else; prints what they got and
 * exits 0 only if none failed.
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
		SteadyLoad.sleep(duration);
		SteadyLoad.Result result = load.stop();
		System.out.println("steady load: " + result);
		System.exit((result.failed() == 0 && result.sent() > 0) ? 0 : 1);
	}

}
