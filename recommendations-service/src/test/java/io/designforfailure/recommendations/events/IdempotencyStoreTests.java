package io.designforfailure.recommendations.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.designforfailure.recommendations.events.IdempotencyStore.Claim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyStoreTests {

	private static final ViewEvent view = new ViewEvent("alice", "p-0001");

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void claimsAKeyOnceThenRecognisesRepeatsAndConflicts() {
		IdempotencyStore store = store(10, Duration.ofHours(24));

		assertThat(store.claim("key-1", view)).isEqualTo(Claim.FIRST);
		assertThat(store.claim("key-1", new ViewEvent("alice", "p-0001"))).isEqualTo(Claim.REPEAT);
		assertThat(store.claim("key-1", new ViewEvent("alice", "p-0002"))).isEqualTo(Claim.CONFLICT);
		assertThat(store.claim("key-1", new ViewEvent("bob", "p-0001"))).isEqualTo(Claim.CONFLICT);
		assertThat(store.claim("key-2", view)).isEqualTo(Claim.FIRST);
	}

	@Test
	void forgetsKeysBeyondItsMaximumSize() {
		IdempotencyStore store = store(2, Duration.ofHours(24));
		IntStream.range(0, 100).forEach((i) -> store.claim("key-" + i, view));

		long stillKnown = IntStream.range(0, 100).filter((i) -> store.claim("key-" + i, view) == Claim.REPEAT).count();

		assertThat(stillKnown).isLessThanOrEqualTo(2);
	}

	@Test
	void forgetsAKeyOnceItExpires() {
		IdempotencyStore store = store(10, Duration.ofHours(24));
		store.claim("key-1", view);

		this.nanos.addAndGet(Duration.ofHours(24).minusSeconds(1).toNanos());
		assertThat(store.claim("key-1", view)).isEqualTo(Claim.REPEAT);
		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(store.claim("key-1", view)).isEqualTo(Claim.FIRST);
	}

	private IdempotencyStore store(long maximumSize, Duration expireAfterWrite) {
		// A caller-thread executor evicts at once instead of in the background.
		Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run).ticker(this.nanos::get);
		return new IdempotencyStore(new IdempotencyProperties(maximumSize, expireAfterWrite), builder);
	}

}
