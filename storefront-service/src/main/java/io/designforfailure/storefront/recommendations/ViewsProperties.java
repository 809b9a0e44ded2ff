package io.designforfailure.storefront.recommendations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether product views are sent, and how views that could not be delivered wait and are
 * sent again.
 *
 * @param enabled whether product pages record views at all; off, the pages answer the
 * same and recommendations-service stops learning from them
 * @param queueCapacity views kept at most; beyond that the oldest is dropped and counted
 * @param firstRetry pause before the first redelivery, doubled after each failed one
 * @param maxRetry longest pause between redeliveries while recommendations-service stays
 * down
 * @param shutdownFlush how long a stopping storefront keeps trying to deliver what waits
 */
@ConfigurationProperties("storefront.recommendations.views")
record ViewsProperties(@DefaultValue("true") boolean enabled, int queueCapacity, Duration firstRetry, Duration maxRetry,
		Duration shutdownFlush) {
}
