package io.designforfailure.recommendations.events;

import java.time.Clock;

import io.designforfailure.recommendations.database.DatabaseUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys older than their time to live, so the table holds about a
 * day's keys; a repeat after that is recorded as a new view.
 */
@Component
class IdempotencyKeyExpiry {

	private static final Log logger = LogFactory.getLog(IdempotencyKeyExpiry.class);

	private final ViewEventStore store;

	private final IdempotencyProperties properties;

	private final Clock clock;

	IdempotencyKeyExpiry(ViewEventStore store, IdempotencyProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${recommendations.idempotency.expiry-interval}")
	void expire() {
		try {
			int deleted = this.store.expireKeysCreatedBefore(this.clock.instant().minus(this.properties.timeToLive()));
			if (deleted > 0) {
				logger.info("Expired " + deleted + " idempotency keys older than " + this.properties.timeToLive());
			}
		}
		catch (DatabaseUnavailableException ex) {
			// The next run deletes what this one could not; keys only grow old meanwhile.
			logger.debug("Idempotency keys not expired now: " + ex.getMessage());
		}
	}

}
