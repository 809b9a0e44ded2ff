package io.designforfailure.storefront.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.designforfailure.storefront.guard.LastGoodAnswers.Stamped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of answer in the shared level, under keys namespaced and versioned
 * ({@code dff:v1:search:<query>}) so that replicas of another version never read what
 * they cannot parse. An entry keeps the {@code asOf} of its live fetch, whichever replica
 * made it, and lives the same time after it as in a replica's own cache.
 *
 * @param <V> the answer type
 */
public final class SharedAnswers<V> {

	private static final Logger logger = LoggerFactory.getLogger(SharedAnswers.class);

	private final SharedLevel level;

	private final String prefix;

	private final Duration timeToLive;

	private final ObjectMapper mapper;

	private final JavaType type;

	private final Clock clock;

	SharedAnswers(SharedLevel level, String prefix, Duration timeToLive, ObjectMapper mapper, JavaType answerType,
			Clock clock) {
		this.level = level;
		this.prefix = prefix;
		this.timeToLive = timeToLive;
		this.mapper = mapper;
		this.type = mapper.getTypeFactory().constructParametricType(Stamped.class, answerType);
		this.clock = clock;
	}

	/** Shares {@code answer}, fetched live at {@code asOf}, with every replica. */
	public void put(String key, V answer, Instant asOf) {
		if (this.level == SharedLevel.NONE) {
			return;
		}
		try {
			this.level.write(this.prefix + key, this.mapper.writeValueAsString(new Stamped<>(answer, asOf)),
					this.timeToLive);
		}
		catch (JsonProcessingException ex) {
			logger.warn("Cannot share the answer for {}: {}", key, ex.toString());
		}
	}

	/**
	 * What any replica fetched for {@code key} within the time to live, with its original
	 * {@code asOf}; empty when nothing is shared, the entry has expired or cannot be
	 * read.
	 */
	public Optional<Stamped<V>> get(String key) {
		return this.level.read(this.prefix + key).flatMap(this::parse).filter((entry) -> remaining(entry) > 0);
	}

	/** How long an entry fetched at its {@code asOf} still lives, in nanoseconds. */
	long remaining(Stamped<V> entry) {
		return this.timeToLive.minus(Duration.between(entry.asOf(), this.clock.instant())).toNanos();
	}

	private Optional<Stamped<V>> parse(String json) {
		try {
			return Optional.ofNullable(this.mapper.readValue(json, this.type));
		}
		catch (JsonProcessingException ex) {
			// Garbage in the shared level is a miss, never an error for the user.
			logger.debug("Unreadable shared answer: {}", ex.toString());
			return Optional.empty();
		}
	}

}
