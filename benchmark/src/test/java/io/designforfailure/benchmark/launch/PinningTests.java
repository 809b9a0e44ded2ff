package io.designforfailure.benchmark.launch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PinningTests {

	@Test
	void givesSearchTheLastCoreAndEverythingElseTheOthers() {
		assertThat(Pinning.of(2, null).searchCores()).isEqualTo("1");
		assertThat(Pinning.of(2, null).otherCores()).isEqualTo("0");
		assertThat(Pinning.of(8, null).searchCores()).isEqualTo("7");
		assertThat(Pinning.of(8, null).otherCores()).isEqualTo("0-6");
		assertThat(Pinning.of(2, null).describe()).startsWith("search-service on CPU 1; the storefronts");
	}

	@Test
	void saysWhyNothingWasPinnedWhereItCannotBe() {
		Pinning pinning = Pinning.of(1, "only 1 core");

		assertThat(pinning.available()).isFalse();
		assertThat(pinning.describe()).isEqualTo("not pinned: only 1 core; the rows marked \"search pinned\" ran with"
				+ " every process on every core, like the others");
	}

}
