package io.designforfailure.benchmark.observe;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerRecorderTests {

	@Test
	void rebuildsTheWindowThatOpenedTheBreakerFromTheRecordedCalls() {
		List<BreakerRecorder.Call> calls = new ArrayList<>();
		// 100 quick calls, then 6 slow ones and 4 that time out, all before 2,000 ms.
		for (int i = 0; i < 100; i++) {
			calls.add(new BreakerRecorder.Call(i * 10, "SUCCESS", 5));
		}
		for (int i = 0; i < 6; i++) {
			calls.add(new BreakerRecorder.Call(1_900 + i, "SUCCESS", 210));
		}
		for (int i = 0; i < 4; i++) {
			calls.add(new BreakerRecorder.Call(1_950 + i, "ERROR", 251));
		}
		List<BreakerRecorder.Event> events = List.of(new BreakerRecorder.Event(2_000, "SLOW_CALL_RATE_EXCEEDED", ""),
				new BreakerRecorder.Event(2_001, "STATE_TRANSITION", "CLOSED_TO_OPEN"));
		List<BreakerRecorder.Window> windows = List.of(
				new BreakerRecorder.Window(1_800, "CLOSED", 0, 0, 20, 0, 0, 12, 100, 40,
						new BreakerRecorder.Served(1_000, 5_000)),
				new BreakerRecorder.Window(2_050, "OPEN", 40, 100, 20, 4, 10, 6, 160, 40,
						new BreakerRecorder.Served(1_100, 5_800)));

		BreakerRecorder.Summary summary = BreakerRecorder.Summary.of(calls, events, windows);

		assertThat(summary.calls()).isEqualTo(110);
		assertThat(summary.slowSuccesses()).isEqualTo(6);
		assertThat(summary.timedOut()).isEqualTo(4);
		assertThat(summary.lowestLimit()).isEqualTo(6);
		BreakerRecorder.Opening opening = summary.opening();
		assertThat(opening.atMillis()).isEqualTo(2_001);
		assertThat(opening.rule()).isEqualTo("SLOW_CALL_RATE_EXCEEDED");
		// The last window seen closed held 20 calls: the latest 20 recorded.
		assertThat(opening.window()).isEqualTo(20);
		assertThat(opening.slow()).isEqualTo(10);
		assertThat(opening.failed()).isEqualTo(4);
		assertThat(opening.spanMillis()).isEqualTo(2_001 - 900);
		assertThat(opening.storefrontGcMillis()).isEqualTo(60);
		assertThat(opening.dependencyGcMillis()).isZero();
		// Search served 100 requests in 800 ms in that second: 8 ms each, on its side.
		assertThat(opening.dependencyMeanMillis()).isEqualTo(8);
	}

	@Test
	void saysSoWhenTheBreakerNeverOpened() {
		BreakerRecorder.Summary summary = BreakerRecorder.Summary
			.of(List.of(new BreakerRecorder.Call(10, "SUCCESS", 5)), List.of(), List.of());

		assertThat(summary.opening()).isNull();
		assertThat(summary.describe()).endsWith("the breaker never opened");
	}

	@Test
	void readsResilience4jsEventTimes() {
		assertThat(BreakerRecorder.epochMillis("2026-12-02T01:23:18.123456789Z[UTC]")).isEqualTo(1796174598123L);
		assertThat(BreakerRecorder.epochMillis("2026-12-02T01:23:18.123Z")).isEqualTo(1796174598123L);
	}

}
