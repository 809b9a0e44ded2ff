package io.designforfailure.benchmark.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.benchmark.observe.CpuShares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapacityTests {

	private static final CpuShares CPU = new CpuShares(0, 0, 0, 0);

	@Test
	void isTheRampStepWithTheMostLiveAnswersPerSecond() {
		Capacity capacity = Capacity.best(List.of(step(4, 380), step(8, 510), step(16, 470)), 8);

		assertThat(capacity.users()).isEqualTo(8);
		assertThat(capacity.liveGoodput()).isEqualTo(510);
		assertThat(capacity.measured()).isTrue();
		assertThat(capacity.share(408)).isEqualTo(0.8);
	}

	@Test
	void comparesLiveAnswersPerUnitOfSearchCpuWithTheCapacityStep() {
		Capacity capacity = Capacity.best(List.of(step(8, 500, 0.40)), 8);

		assertThat(capacity.sharePerSearchCpu(step(200, 400, 0.32))).isCloseTo(1.0, within(1e-9));
		assertThat(capacity.sharePerSearchCpu(step(200, 400, 0.40))).isCloseTo(0.8, within(1e-9));
		assertThat(capacity.sharePerSearchCpu(step(200, 400, 0))).isNaN();
		assertThat(Capacity.assumed(8).sharePerSearchCpu(step(200, 400, 0.32))).isNaN();
	}

	@Test
	void prefersFewerUsersWhenTwoStepsAreEqual() {
		assertThat(Capacity.best(List.of(step(16, 500), step(8, 500)), 4).users()).isEqualTo(8);
	}

	@Test
	void givesNoShareWithoutARamp() {
		Capacity capacity = Capacity.best(List.of(), 8);

		assertThat(capacity.users()).isEqualTo(8);
		assertThat(capacity.measured()).isFalse();
		assertThat(capacity.share(400)).isNaN();
	}

	private static LoadResult step(int users, double liveGoodput) {
		return new LoadResult("overload-capacity-" + users, Mode.GUARDED, users, 0, liveGoodput, 1, 10, Map.of(), false,
				null, CPU);
	}

	private static LoadResult step(int users, double liveGoodput, double searchCpu) {
		return new LoadResult("overload-capacity-" + users, Mode.GUARDED, users, 0, liveGoodput, 1, 10, Map.of(), false,
				null, new CpuShares(0.1, 0.3, searchCpu, 0.9));
	}

}
