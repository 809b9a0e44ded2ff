package io.designforfailure.recommendations.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.designforfailure.recommendations.database.DatabaseGuard;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * View events and their idempotency keys in PostgreSQL. The key's primary key decides,
 * atomically across threads, replicas and restarts, which request records a view.
 */
@Component
class ViewEventStore {

	/** What a key means for the event that claims it. */
	enum Claim {

		/** The key is new: the event is recorded now. */
		FIRST,

		/** The key was used for an equal event: it is recorded already. */
		REPEAT,

		/** The key was used for a different event: a client bug, not a retry. */
		CONFLICT

	}

	private final DatabaseGuard database;

	ViewEventStore(DatabaseGuard database) {
		this.database = database;
	}

	/**
	 * Claims the key for the event and, if it is new, records the event in the same
	 * transaction. Of any number of concurrent claims with one key, exactly one is
	 * {@link Claim#FIRST}: a second insert of the key waits for the first transaction and
	 * then inserts nothing.
	 */
	Claim claim(String key, ViewEvent event, Instant now) {
		String fingerprint = fingerprint(event);
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		return this.database.inTransaction((jdbc) -> claim(jdbc, key, fingerprint, event, at));
	}

	private static Claim claim(JdbcClient jdbc, String key, String fingerprint, ViewEvent event, OffsetDateTime at) {
		int claimed = jdbc
			.sql("INSERT INTO idempotency_keys (idempotency_key, fingerprint, status, created_at) "
					+ "VALUES (?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING")
			.params(key, fingerprint, HttpStatus.ACCEPTED.value(), at)
			.update();
		if (claimed == 1) {
			jdbc.sql("INSERT INTO view_events (user_id, product_id, viewed_at) VALUES (?, ?, ?)")
				.params(event.userId(), event.productId(), at)
				.update();
			return Claim.FIRST;
		}
		Optional<String> earlier = jdbc.sql("SELECT fingerprint FROM idempotency_keys WHERE idempotency_key = ?")
			.param(key)
			.query(String.class)
			.optional();
		// Absent only if the key expired between the two statements: then it is new
		// again.
		return earlier.map((recorded) -> recorded.equals(fingerprint) ? Claim.REPEAT : Claim.CONFLICT)
			.orElseGet(() -> claim(jdbc, key, fingerprint, event, at));
	}

	/** The user's views, newest first, and how many there are in all. */
	UserViews views(String userId, int limit) {
		return this.database.inTransaction((jdbc) -> {
			long total = jdbc.sql("SELECT count(*) FROM view_events WHERE user_id = ?")
				.param(userId)
				.query(Long.class)
				.single();
			List<UserViews.Item> items = jdbc
				.sql("SELECT product_id, viewed_at FROM view_events WHERE user_id = ? "
						+ "ORDER BY viewed_at DESC, id DESC LIMIT ?")
				.params(userId, limit)
				.query((row, number) -> new UserViews.Item(row.getString("product_id"),
						row.getObject("viewed_at", OffsetDateTime.class).toInstant()))
				.list();
			return new UserViews(userId, total, items);
		});
	}

	/** Forgets the keys first used before the instant; the views they recorded stay. */
	int expireKeysCreatedBefore(Instant instant) {
		return this.database.inTransaction((jdbc) -> jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
			.param(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC))
			.update());
	}

	/** Equal events, and only equal events, have equal fingerprints. */
	static String fingerprint(ViewEvent event) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			// NUL cannot occur in either id, so the two values never run into each other.
			byte[] digest = sha256.digest((event.userId() + '\0' + event.productId()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
