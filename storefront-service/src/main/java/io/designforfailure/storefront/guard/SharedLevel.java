package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.Optional;

/**
 * The second level of last-good answers, shared by every replica: Redis when
 * {@code REDIS_URL} is set, else nothing. Neither method throws nor waits past the
 * level's own timeout: a shared level that fails is a shared level that is empty.
 */
interface SharedLevel {

	/** No shared level: every read misses, every write is skipped. */
	SharedLevel NONE = new SharedLevel() {

		@Override
		public Optional<String> read(String key) {
			return Optional.empty();
		}

		@Override
		public void write(String key, String value, Duration timeToLive) {
		}

	};

	/** The value kept under {@code key}, on the calling thread. */
	Optional<String> read(String key);

	/**
	 * Keeps {@code value} under {@code key} for {@code timeToLive}, off the caller's
	 * thread.
	 */
	void write(String key, String value, Duration timeToLive);

}
