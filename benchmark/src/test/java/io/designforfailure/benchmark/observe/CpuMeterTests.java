package io.designforfailure.benchmark.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuMeterTests {

	@Test
	void countsEveryColumnButIdleAndIowaitAsBusy() {
		String procStat = """
				cpu  1000 50 300 9000 200 10 40 0 0 0
				cpu0 500 25 150 4500 100 5 20 0 0 0
				intr 12345
				""";

		assertThat(CpuMeter.machineBusySeconds(procStat)).isEqualTo(14.0);
	}

	@Test
	void countsTheMachinesCoresNotThoseThisJvmIsPinnedTo() {
		String procStat = """
				cpu  1000 50 300 9000 200 10 40 0 0 0
				cpu0 500 25 150 4500 100 5 20 0 0 0
				cpu1 500 25 150 4500 100 5 20 0 0 0
				intr 12345
				""";

		assertThat(CpuMeter.cores(procStat)).isEqualTo(2);
		assertThat(CpuMeter.cores("")).isEqualTo(Runtime.getRuntime().availableProcessors());
	}

	@Test
	void cannotTellWithoutTheCpuLine() {
		assertThat(CpuMeter.machineBusySeconds("")).isNaN();
	}

	@Test
	void leavesToTheRestWhatTheMeasuredProcessesDidNotUse() {
		assertThat(new CpuShares(0.25, 0.4, 0.2, 0.95).others()).isCloseTo(0.1, within(1e-9));
	}

}
