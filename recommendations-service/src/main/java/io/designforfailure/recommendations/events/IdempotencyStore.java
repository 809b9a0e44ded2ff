package io.designforfailure.recommendations.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Remembers which view each idempotency key was first used for, within a bounded size and
 * time, so that a retried view is recorded once.
 */
@Component
class IdempotencyStore {

	/** What a key means for the event that claims it. */
	enum Claim {

		/** The key is new: record the event. */
		FIRST,

		/** The key was used for an equal event: it is recorded already. */
		REPEAT,

		/** The key was used for a different event: a client bug, not a retry. */
		CONFLICT

	}

	private final Cache<String, ViewEvent> events;

	@Autowired
	IdempotencyStore(IdempotencyProperties properties) {
		this(properties, Caffeine.newBuilder());
	}

	/** Takes a builder so that tests can control time and run eviction at once. */
	IdempotencyStore(IdempotencyProperties properties, Caffeine<Object, Object> builder) {
		this.events = builder.maximumSize(properties.maximumSize())
			.expireAfterWrite(properties.expireAfterWrite())
			.build();
	}

	/**
	 * Claims the key for the event. Atomic per key: of any number of concurrent claims
	 * with one key, exactly one is {@link Claim#FIRST}.
	 */
	Claim claim(String key, ViewEvent event) {
		ViewEvent earlier = this.events.asMap().putIfAbsent(key, event);
		if (earlier == null) {
			return Claim.FIRST;
		}
		return earlier.equals(event) ? Claim.REPEAT : Claim.CONFLICT;
	}

}
