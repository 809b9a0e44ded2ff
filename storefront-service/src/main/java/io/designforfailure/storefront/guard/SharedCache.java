package io.designforfailure.storefront.guard;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes the features' stores of last-good answers: in-process only, or with the shared
 * level when {@code REDIS_URL} is set, so that a replica serves what any replica fetched
 * and one that just started is not cold.
 */
@Component
public class SharedCache {

	@Nullable
	private final RedisLevel redis;

	private final CacheProperties properties;

	private final ObjectMapper mapper;

	private final Ticker ticker;

	private final Clock clock;

	private final BreakerTransitions transitions;

	SharedCache(CacheProperties properties, ObjectProvider<RedisLevel> redis, ObjectMapper mapper, Ticker ticker,
			Clock clock, BreakerTransitions transitions) {
		this.properties = properties;
		this.redis = redis.getIfAvailable();
		this.mapper = mapper;
		this.ticker = ticker;
		this.clock = clock;
		this.transitions = transitions;
	}

	/**
	 * A store of last-good answers of one kind: its own Caffeine level, bounded and timed
	 * by the guards' ticker, over the shared level when there is one.
	 * @param namespace the kind of answer, part of every shared key
	 */
	public <V> LastGoodAnswers<V> lastGood(String namespace, long maximumSize, Duration timeToLive,
			TypeReference<V> type) {
		return new LastGoodAnswers<>(maximumSize, timeToLive, this.ticker,
				(this.redis != null) ? shared(namespace, timeToLive, type) : null);
	}

	/**
	 * The shared level alone, for a feature that keeps its own in-process answer; empty
	 * and writing nothing without {@code REDIS_URL}.
	 * @param namespace the kind of answer, part of every shared key
	 */
	public <V> SharedAnswers<V> shared(String namespace, Duration timeToLive, TypeReference<V> type) {
		SharedLevel level = (this.redis != null) ? this.redis : SharedLevel.NONE;
		return new SharedAnswers<>(level, this.properties.keyPrefix() + namespace + ":", timeToLive, this.mapper,
				this.mapper.getTypeFactory().constructType(type), this.clock);
	}

	/** The shared level's name and guard, for the console; empty without one. */
	public Optional<Named> report() {
		return Optional.ofNullable(this.redis)
			.map((level) -> new Named(level.dependency(), level.report(this.transitions)));
	}

	/**
	 * A guard's report under its dependency's name.
	 *
	 * @param name the dependency
	 * @param report its guards
	 */
	public record Named(String name, GuardReport report) {
	}

}
