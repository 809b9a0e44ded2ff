package io.designforfailure.web.deadline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestDeadlineTests {

	private static final Duration MAX = Duration.ofSeconds(30);

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	@Test
	void expiresWhenTheStatedTimeHasPassed() {
		RequestDeadline deadline = RequestDeadline.parse("250", MAX, this.nanos::get);

		assertThat(deadline.remaining()).hasValue(Duration.ofMillis(250));
		assertThat(deadline.isExpired()).isFalse();
		this.nanos.addAndGet(Duration.ofMillis(249).toNanos());
		assertThat(deadline.remaining()).hasValue(Duration.ofMillis(1));
		this.nanos.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(deadline.isExpired()).isTrue();
		assertThat(deadline.remaining()).hasValue(Duration.ZERO);
	}

	@Test
	void isExpiredOnArrivalWhenTheCallerHasNoTimeLeft() {
		assertThat(RequestDeadline.parse("0", MAX, this.nanos::get).isExpired()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "30001", "86400000", "99999999999999999999999" })
	void capsTheDeadline(String header) {
		assertThat(RequestDeadline.parse(header, MAX, this.nanos::get).remaining()).hasValue(MAX);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "abc", "-1", "1.5", "1e3", "+5", "0x10", "١٢٣", "250ms" })
	void hasNoDeadlineForAnAbsentOrUnreadableHeader(String header) {
		RequestDeadline deadline = RequestDeadline.parse(header, MAX, this.nanos::get);

		assertThat(deadline.isPresent()).isFalse();
		assertThat(deadline.isExpired()).isFalse();
		assertThat(deadline.remaining()).isEmpty();
		assertThat(deadline.remainingOr(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void isNoneOutsideARequest() {
		assertThat(RequestDeadline.current().isPresent()).isFalse();
	}

}
