package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The last good answer per key, kept to serve when the dependency fails: bounded in size,
 * and an entry lives a fixed time after its last live refresh, timed by the ticker it is
 * given so that tests move time instead of waiting. Degraded beats dark.
 *
 * @param <V> the answer type
 */
public final class LastGoodAnswers<V> {

	private final Cache<String, Stamped<V>> answers;

	public LastGoodAnswers(long maximumSize, Duration timeToLive, Ticker ticker) {
		this.answers = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterWrite(timeToLive)
			.ticker(ticker)
			.build();
	}

	public void put(String key, V answer, Instant asOf) {
		this.answers.put(key, new Stamped<>(answer, asOf));
	}

	public Optional<Stamped<V>> get(String key) {
		return Optional.ofNullable(this.answers.getIfPresent(key));
	}

	public long size() {
		this.answers.cleanUp();
		return this.answers.estimatedSize();
	}

	/**
	 * An answer and when it was fetched live.
	 *
	 * @param <V> the answer type
	 * @param answer the answer
	 * @param asOf when it was fetched
	 */
	public record Stamped<V>(V answer, Instant asOf) {
	}

}
