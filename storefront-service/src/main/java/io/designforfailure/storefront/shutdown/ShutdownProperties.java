package io.designforfailure.storefront.shutdown;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a replica that was asked to stop keeps serving: until the load balancer in
 * front of it has seen its readiness fail often enough to take it out.
 *
 * @param checkInterval how often the load balancer checks readiness (HAProxy's
 * {@code inter}, Kubernetes' {@code periodSeconds})
 * @param fallCount failed checks before it takes the replica out (HAProxy's {@code fall},
 * Kubernetes' {@code failureThreshold})
 * @param margin for the check in flight when readiness turned and for the balancer to act
 */
@ConfigurationProperties("storefront.shutdown")
record ShutdownProperties(Duration checkInterval, int fallCount, Duration margin) {

	/** The time between readiness turning and the web server refusing connections. */
	Duration drain() {
		return this.checkInterval.multipliedBy(this.fallCount).plus(this.margin);
	}

}
