package io.designforfailure.recommendations.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the idempotency key store.
 *
 * @param maximumSize keys kept at most; beyond that the least useful are forgotten
 * @param expireAfterWrite how long a key is remembered after its first use
 */
@ConfigurationProperties("recommendations.idempotency")
record IdempotencyProperties(long maximumSize, Duration expireAfterWrite) {
}
