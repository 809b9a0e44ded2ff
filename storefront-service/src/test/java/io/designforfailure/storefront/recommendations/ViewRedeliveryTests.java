package io.designforfailure.storefront.recommendations;

import io.designforfailure.storefront.guard.Origin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewRedeliveryTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final FakeRecommendations recommendations = new FakeRecommendations();

	@Test
	void redeliversInOrderWithTheOriginalKeysOnceTheDependencyAnswers() {
		ViewRedelivery redelivery = redelivery(100);
		List<PendingView> views = List.of(view(1), view(2), view(3));
		views.forEach(redelivery::add);

		this.recommendations.down = true;
		assertThat(redelivery.redeliver()).isFalse();
		assertThat(this.recommendations.attempts).as("one attempt while it is down, not one per view").hasSize(1);
		assertThat(redelivery.pending()).isEqualTo(3);

		this.recommendations.down = false;
		assertThat(redelivery.redeliver()).isTrue();

		assertThat(this.recommendations.delivered).containsExactlyElementsOf(views);
		assertThat(redelivery.pending()).isZero();
		assertThat(count("redelivered")).isEqualTo(3);
	}

	@Test
	void dropsTheOldestWhenFullAndCountsIt() {
		ViewRedelivery redelivery = redelivery(3);
		List<PendingView> views = List.of(view(1), view(2), view(3), view(4), view(5));
		views.forEach(redelivery::add);

		assertThat(redelivery.pending()).isEqualTo(3);
		assertThat(count("dropped")).isEqualTo(2);
		assertThat(this.registry.get("storefront.views.pending").gauge().value()).isEqualTo(3);
		redelivery.redeliver();
		assertThat(this.recommendations.delivered).containsExactlyElementsOf(views.subList(2, 5));
	}

	@Test
	void dropsAViewTheDependencyRefusesWithoutHoldingUpTheOthers() {
		ViewRedelivery redelivery = redelivery(100);
		PendingView refused = view(1);
		this.recommendations.refused = refused;
		redelivery.add(refused);
		redelivery.add(view(2));

		assertThat(redelivery.redeliver()).isTrue();

		assertThat(this.recommendations.delivered).containsExactly(view(2));
		assertThat(count("dropped")).isEqualTo(1);
	}

	@Test
	void countsARedeliveryTheDependencyHadAlreadyRecordedAsDuplicate() {
		ViewRedelivery redelivery = redelivery(100);
		this.recommendations.answer = "duplicate";
		redelivery.add(view(1));

		redelivery.redeliver();

		assertThat(count("duplicate")).isEqualTo(1);
		assertThat(count("redelivered")).isZero();
	}

	@Test
	void deliversWhatWaitsWhenStopped() {
		ViewRedelivery redelivery = redelivery(100);
		redelivery.start();
		this.recommendations.down = true;
		redelivery.add(view(1));
		redelivery.add(view(2));
		this.recommendations.down = false;

		redelivery.stop();

		assertThat(redelivery.pending()).isZero();
		assertThat(this.recommendations.delivered).containsExactly(view(1), view(2));
	}

	private ViewRedelivery redelivery(int capacity) {
		// Retries an hour apart: only the test calls redeliver(), so it sees every
		// attempt.
		ViewsProperties properties = new ViewsProperties(true, capacity, Duration.ofHours(1), Duration.ofHours(1),
				Duration.ofSeconds(5));
		return new ViewRedelivery(properties, this.recommendations::send, this.registry);
	}

	private double count(String outcome) {
		return this.registry.get("storefront.views").tag("outcome", outcome).counter().count();
	}

	private static PendingView view(int number) {
		return new PendingView(new ViewEvent("ada", "p-%04d".formatted(number)), "key-" + number, Origin.none());
	}

	/**
	 * recommendations-service as the redelivery sees it: up, down, or refusing one view.
	 */
	private static final class FakeRecommendations {

		final List<PendingView> attempts = new ArrayList<>();

		final List<PendingView> delivered = new ArrayList<>();

		volatile boolean down;

		PendingView refused;

		String answer = "accepted";

		ViewReceipt send(PendingView view) {
			this.attempts.add(view);
			if (this.down) {
				throw new IllegalStateException("connection refused");
			}
			if (view.equals(this.refused)) {
				throw new ViewRefusedException("422: key reused", null);
			}
			this.delivered.add(view);
			return new ViewReceipt(this.answer);
		}

	}

}
