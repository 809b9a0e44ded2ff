package io.designforfailure.storefront.shutdown;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one step of a graceful stop that Spring Boot leaves out. On SIGTERM Boot turns
 * readiness to {@code REFUSING_TRAFFIC} and then, at once, stops the web server taking
 * connections (server.shutdown: graceful), lets in-flight requests finish, and the views
 * waiting for delivery are flushed (ViewRecorder, a later phase). A load balancer that
 * has not yet noticed the readiness change still sends requests meanwhile, and they would
 * be refused. This lifecycle stops just before the web server and holds the stop for the
 * {@link ShutdownProperties#drain() drain}: the replica keeps serving, unready, until the
 * balancer has taken it out.
 */
@Component
class LoadBalancerDrain implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LoadBalancerDrain.class);

	private final Duration drain;

	private volatile boolean running;

	LoadBalancerDrain(ShutdownProperties properties) {
		this.drain = properties.drain();
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		logger.info("Not ready any more; serving for {} ms while the load balancer notices", this.drain.toMillis());
		try {
			Thread.sleep(this.drain.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops right before the web server's graceful shutdown (a higher phase stops first).
	 */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
	}

}
