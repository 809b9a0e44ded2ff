package io.designforfailure.recommendations.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the service waits for its database, and what it tells clients it refuses.
 *
 * @param statementTimeout longest a statement of a request may run before the database
 * cancels it
 * @param retryAfter what a refused write's {@code Retry-After} asks the client to wait
 * @param preparationInterval pause between attempts to migrate the schema and load the
 * snapshot while the database does not answer
 * @param snapshotTimeout longest the load of the whole history into memory may run
 */
@ConfigurationProperties("recommendations.database")
record DatabaseProperties(Duration statementTimeout, Duration retryAfter, Duration preparationInterval,
		Duration snapshotTimeout) {
}
