package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.lang.Nullable;

/**
 * The last good answer per key, kept to serve when the dependency fails: bounded in size,
 * and an entry lives a fixed time after its live fetch, timed by the ticker it is given
 * so that tests move time instead of waiting. With a shared level ({@code REDIS_URL}),
 * every answer is also shared with the other replicas, and a key missing here is looked
 * up there before the caller falls back to nothing. Degraded beats dark.
 *
 * @param <V> the answer type
 */
public final class LastGoodAnswers<V> {

	private final Cache<String, Stamped<V>> answers;

	private final Duration timeToLive;

	@Nullable
	private final SharedAnswers<V> shared;

	/** Answers kept in this replica only. */
	public LastGoodAnswers(long maximumSize, Duration timeToLive, Ticker ticker) {
		this(maximumSize, timeToLive, ticker, null);
	}

	LastGoodAnswers(long maximumSize, Duration timeToLive, Ticker ticker, @Nullable SharedAnswers<V> shared) {
		this.timeToLive = timeToLive;
		this.shared = shared;
		this.answers = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.<String, Stamped<V>>writing((key, entry) -> lifetime(entry)))
			.ticker(ticker)
			.build();
	}

	/** Keeps an answer fetched live at {@code asOf}, here and in the shared level. */
	public void put(String key, V answer, Instant asOf) {
		Stamped<V> entry = new Stamped<>(answer, asOf);
		this.answers.put(key, entry);
		if (this.shared != null) {
			this.shared.put(key, answer, asOf);
		}
	}

	/**
	 * The answer kept here, else the one any replica shared, which is then kept here for
	 * what remains of its time to live.
	 */
	public Optional<Stamped<V>> get(String key) {
		Stamped<V> local = this.answers.getIfPresent(key);
		if (local != null || this.shared == null) {
			return Optional.ofNullable(local);
		}
		Optional<Stamped<V>> fromShared = this.shared.get(key);
		fromShared.ifPresent((entry) -> this.answers.put(key, entry));
		return fromShared;
	}

	public long size() {
		this.answers.cleanUp();
		return this.answers.estimatedSize();
	}

	/**
	 * The full time to live for an answer fetched here; what remains of it for one
	 * another replica fetched earlier.
	 */
	private Duration lifetime(Stamped<V> entry) {
		if (this.shared == null) {
			return this.timeToLive;
		}
		long remaining = this.shared.remaining(entry);
		return Duration.ofNanos(Math.max(0, Math.min(remaining, this.timeToLive.toNanos())));
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
