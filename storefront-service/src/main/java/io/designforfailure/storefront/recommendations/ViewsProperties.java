package io.designforfailure.storefront.recommendations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How views that could not be delivered wait and are sent again.
 *
 * @param queueCapacity views kept at most; beyond that the oldest is dropped and counted
 * @param firstRetry pause before the first redelivery, doubled after each failed one
 * @param maxRetry longest pause between redeliveries while recommendations-service stays
 * down
 * @param shutdownFlush how long a stopping storefront keeps trying to deliver what waits
 */
@ConfigurationProperties("storefront.recommendations.views")
record ViewsProperties(int queueCapacity, Duration firstRetry, Duration maxRetry, Duration shutdownFlush) {
}
