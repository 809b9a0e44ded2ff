package io.designforfailure.storefront.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adaptive concurrency limit falls when a dependency sheds or cannot be reached,
 * rises while it answers, and never moves on a timeout, which does not say whose time ran
 * out, nor on an error that says nothing about load. Attempts are nested on one thread to
 * hold several slots at once.
 */
class ConcurrencyLimitTests {

	private static final GuardProperties.ConcurrencyLimit AIMD = new GuardProperties.ConcurrencyLimit(true,
			GuardProperties.ConcurrencyLimit.Algorithm.AIMD, 20, 2, 0.9);

	private final AtomicLong nanos = new AtomicLong();

	private final ConcurrencyLimit limit = limit(AIMD);

	private final List<String> refusals = new ArrayList<>();

	@Test
	void fallsToACoupleOfAttemptsWhenTheDependencyShedsEverything() {
		for (int i = 0; i < 20; i++) {
			attempt(shed());
		}

		assertThat(this.limit.report().limit()).isEqualTo(2);
		// Two attempts in flight fill it: the third is refused at once, unsent.
		assertThatThrownBy(() -> nested(3, () -> "answered")).isInstanceOf(DependencyFailure.class)
			.extracting((failure) -> ((DependencyFailure) failure).reason())
			.isEqualTo(Reason.BULKHEAD_FULL);
		assertThat(nested(2, () -> "answered")).isEqualTo("answered");
		assertThat(this.limit.report().limitedCalls()).isEqualTo(1);
		// The call's story tells the refusal, as it tells a full bulkhead's.
		assertThat(this.refusals).containsExactly("bulkhead-full");
	}

	@Test
	void fallsWhenTheDependencyShedsOrCannotBeReached() {
		ConcurrencyLimit unreachable = limit(AIMD);

		attempt(shed());
		failing(unreachable,
				Fault.passing(Reason.UNAVAILABLE, new IllegalStateException("refused")).endsCall("search"));

		assertThat(this.limit.report().limit()).isEqualTo(18);
		assertThat(unreachable.report().limit()).isEqualTo(18);
	}

	@Test
	void staysWhereItIsWhenAnAttemptTimesOut() {
		// Under overload the storefront's own CPU times attempts out: backing off on them
		// refused searches that search had room for.
		for (int i = 0; i < 20; i++) {
			attempt(timedOut());
		}

		assertThat(this.limit.report().limit()).isEqualTo(20);
	}

	@Test
	void risesWhileTheDependencyAnswersUpToTheCeiling() {
		for (int i = 0; i < 20; i++) {
			attempt(shed());
		}

		for (int i = 0; i < 200; i++) {
			nested(this.limit.report().limit(), () -> "answered");
		}

		assertThat(this.limit.report().limit()).isEqualTo(50);
	}

	@Test
	void staysWhereItIsOnAnErrorOrACallOurOwnGuardsHeldBack() {
		attempt(Fault.lastingStatus(HttpStatus.INTERNAL_SERVER_ERROR, new IllegalStateException("500"))
			.endsCall("search"));
		attempt(DependencyFailure.refusedByGuard(Reason.OVERLOADED, "search", null));
		attempt(DependencyFailure.refusedByGuard(Reason.TIMEOUT, "search", null));

		assertThat(this.limit.report().limit()).isEqualTo(20);
		assertThat(this.limit.report().inFlight()).isZero();
	}

	@Test
	void switchedOffLeavesTheAttemptsToTheBulkhead() {
		ConcurrencyLimit off = limit(new GuardProperties.ConcurrencyLimit(false,
				GuardProperties.ConcurrencyLimit.Algorithm.AIMD, 20, 2, 0.9));
		Supplier<String> attempt = () -> "answered";

		assertThat(off.decorate(attempt, this::refused)).isSameAs(attempt);
		assertThat(off.report().enabled()).isFalse();
	}

	private ConcurrencyLimit limit(GuardProperties.ConcurrencyLimit properties) {
		return new ConcurrencyLimit("search", properties, 50, this.nanos::get, new SimpleMeterRegistry());
	}

	private void attempt(DependencyFailure failure) {
		failing(this.limit, failure);
	}

	private static void failing(ConcurrencyLimit limit, DependencyFailure failure) {
		assertThatThrownBy(() -> limit.decorate(() -> {
			throw failure;
		}, (event, detail) -> {
		}).get()).isSameAs(failure);
	}

	/** {@code depth} attempts in flight at once, the innermost answering. */
	private String nested(int depth, Supplier<String> innermost) {
		Supplier<String> attempt = this.limit.decorate(innermost, this::refused);
		for (int level = 1; level < depth; level++) {
			attempt = this.limit.decorate(attempt, this::refused);
		}
		return attempt.get();
	}

	private void refused(String event, String detail) {
		this.refusals.add(event);
	}

	private static DependencyFailure timedOut() {
		return Fault.passing(Reason.TIMEOUT, new AttemptTimedOutException(Duration.ofMillis(250), null))
			.endsCall("search");
	}

	private static DependencyFailure shed() {
		return Fault.shed(HttpStatus.SERVICE_UNAVAILABLE, Duration.ofSeconds(1), new IllegalStateException("503"))
			.endsCall("search");
	}

}
