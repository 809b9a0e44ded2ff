package io.designforfailure.benchmark.scenario;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenariosTests {

	private final List<Scenario> full = Scenarios.of(true, Duration.ofSeconds(30), Duration.ofSeconds(5));

	@Test
	void everyOverloadRunsAfterTheRampThatMeasuresItsCapacity() {
		int lastRampStep = lastIndex((scenario) -> scenario.users().findsCapacity());
		int firstOverload = firstIndex((scenario) -> scenario.users().overloads());

		assertThat(lastRampStep).isNotNegative();
		assertThat(firstOverload).isGreaterThan(lastRampStep);
	}

	@Test
	void onlyTheRetryStormCallsSearchThroughTheFlakyProxy() {
		assertThat(this.full.stream().filter(Scenario::viaProxy).map(Scenario::id)).containsExactly("retry-storm-20",
				"retry-storm-40");
		assertThat(this.full.stream().filter(Scenario::viaProxy).map(Scenario::failing)).containsExactly(0.2, 0.4);
	}

	@Test
	void theOverloadsAreMultiplesOfTheCapacityUsers() {
		Scenario overload = this.full.stream()
			.filter((scenario) -> scenario.id().equals("overload-25x"))
			.findFirst()
			.orElseThrow();

		assertThat(overload.users().resolve(8, 10)).isEqualTo(250);
		assertThat(Users.standard().resolve(8, 10)).isEqualTo(8);
		assertThat(Users.exactly(16).resolve(8, 10)).isEqualTo(16);
	}

	@Test
	void idsAreUniqueSinceTheyNameTheCharts() {
		assertThat(this.full.stream().map(Scenario::id)).doesNotHaveDuplicates();
	}

	private int firstIndex(Predicate<Scenario> which) {
		for (int i = 0; i < this.full.size(); i++) {
			if (which.test(this.full.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private int lastIndex(Predicate<Scenario> which) {
		int last = -1;
		for (int i = 0; i < this.full.size(); i++) {
			if (which.test(this.full.get(i))) {
				last = i;
			}
		}
		return last;
	}

}
