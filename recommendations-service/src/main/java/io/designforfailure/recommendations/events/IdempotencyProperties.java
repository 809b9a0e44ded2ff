package io.designforfailure.recommendations.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long idempotency keys are remembered.
 *
 * @param timeToLive how long a key is remembered after its first use; a repeat after that
 * is a new view
 * @param expiryInterval how often the keys older than that are deleted
 */
@ConfigurationProperties("recommendations.idempotency")
record IdempotencyProperties(Duration timeToLive, Duration expiryInterval) {
}
