package io.designforfailure.benchmark.scenario;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.designforfailure.benchmark.Mode;
import io.designforfailure.catalog.Catalog;
import io.designforfailure.launcher.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

class ScenariosTests {

	private final List<Scenario> full = Scenarios.of(true, Duration.ofSeconds(30), Duration.ofSeconds(5));

	@Test
	void everyOverloadRunsAfterTheRampThatMeasuresItsCapacityInTheSamePlacement() {
		for (boolean pinned : List.of(false, true)) {
			int lastRampStep = lastIndex((scenario) -> scenario.pinned() == pinned && scenario.users().findsCapacity());
			int firstOverload = firstIndex((scenario) -> scenario.pinned() == pinned && scenario.users().overloads());

			assertThat(lastRampStep).isNotNegative();
			assertThat(firstOverload).isGreaterThan(lastRampStep);
		}
	}

	@Test
	void pinsSearchForTheOverloadsOnlyAndAddsAnOpenLoopThere() {
		assertThat(this.full.stream().filter(Scenario::pinned).map(Scenario::id)).containsExactly(
				"overload-pinned-capacity-4", "overload-pinned-capacity-8", "overload-pinned-capacity-16",
				"overload-pinned-5x", "overload-pinned-25x", "overload-pinned-open-2x", "overload-pinned-open-3x");
		assertThat(this.full.stream().filter((scenario) -> scenario.users().openLoop()))
			.allSatisfy((scenario) -> assertThat(scenario.pinned()).isTrue());
		Scenario open = this.full.stream()
			.filter((scenario) -> scenario.id().equals("overload-pinned-open-2x"))
			.findFirst()
			.orElseThrow();

		assertThat(open.users().arrivalsPerSecond(1_500)).isEqualTo(3_000);
		assertThat(open.users().resolve(8, 16)).isZero();
		assertThat(Users.timesCapacity(25).arrivalsPerSecond(1_500)).isZero();
		assertThat(open.modes()).containsExactly(Mode.values());
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
	void measuresTracingOnTwinsAlikeButForTracingBothAtOnceLightThenSaturated() {
		List<Scenario> tracing = this.full.stream().filter(Scenario::onTracingTwins).toList();

		assertThat(tracing).extracting(Scenario::id).containsExactly("product-tracing-light", "product-tracing");
		assertThat(tracing).allSatisfy((scenario) -> {
			assertThat(scenario.onBothTwins()).isTrue();
			assertThat(scenario.onProductPages()).isTrue();
			assertThat(scenario.modes()).containsExactly(Mode.GUARDED);
			assertThat(scenario.steady()).isTrue();
		});
		assertThat(tracing.get(0).think()).isEqualTo(firstWith("product-twins-light").think()).isPositive();
		assertThat(tracing.get(1).think()).isZero();
	}

	@Test
	void countsTheViewsOfBothTracingTwinsWhichBothRecordThemButOnlyOneOfTheViewTwins() {
		// Both tracing twins record views for the same users: the database holds both's.
		assertThat(this.full.stream().filter(Scenario::besideRecordsViews)).extracting(Scenario::id)
			.containsExactly("product-tracing-light", "product-tracing");
		assertThat(firstWith("product-twins-light").besideRecordsViews()).isFalse();
		assertThat(firstWith("product-twins-light").recordsViews()).isTrue();
	}

	@Test
	void comparesProductPagesWithAndWithoutViewsBackToBackOnTheTwins() {
		int recorded = firstIndex((scenario) -> scenario.id().equals("product-views"));
		Scenario withViews = this.full.get(recorded);
		Scenario withoutViews = this.full.get(recorded + 1);

		assertThat(withViews.twin()).isEqualTo(Scenario.Twin.RECORDING);
		assertThat(withViews.recordsViews()).isTrue();
		assertThat(withoutViews.id()).isEqualTo("product-no-views");
		assertThat(withoutViews.twin()).isEqualTo(Scenario.Twin.NOT_RECORDING);
		assertThat(withoutViews.recordsViews()).isFalse();
		for (Scenario twin : List.of(withViews, withoutViews)) {
			assertThat(twin.onProductPages()).isTrue();
			assertThat(twin.modes()).containsExactly(Mode.GUARDED);
			assertThat(twin.steady()).isTrue();
			assertThat(twin.users()).isEqualTo(Users.standard());
		}
		assertThat(this.full.stream().filter(Scenario::onTwin).map(Scenario::id)).containsExactly("product-views",
				"product-no-views", "product-views-paced", "product-no-views-paced", "product-views-light",
				"product-no-views-light", "product-twins-light", "product-tracing-light", "product-tracing");
		assertThat(withViews.think()).isZero();
		Scenario paced = this.full.get(recorded + 2);
		assertThat(paced.think()).isPositive();
		assertThat(this.full.get(recorded + 3).think()).isEqualTo(paced.think());
		assertThat(this.full.get(recorded + 3).twin()).isEqualTo(Scenario.Twin.NOT_RECORDING);
		Scenario light = this.full.get(recorded + 4);
		assertThat(light.think()).isGreaterThan(paced.think());
		assertThat(light.twin()).isEqualTo(Scenario.Twin.RECORDING);
		assertThat(this.full.get(recorded + 5).think()).isEqualTo(light.think());
		assertThat(this.full.get(recorded + 5).twin()).isEqualTo(Scenario.Twin.NOT_RECORDING);
		Scenario together = this.full.get(recorded + 6);
		assertThat(together.onBothTwins()).isTrue();
		assertThat(together.recordsViews()).isTrue();
		assertThat(together.think()).isEqualTo(light.think());
		assertThat(together.modes()).containsExactly(Mode.GUARDED);
		assertThat(List.of(withViews, withoutViews, paced, light)).noneMatch(Scenario::onBothTwins);
	}

	@Test
	void followsTheViewsOfProductPagesWhileTheDatabaseIsStopped() {
		Scenario stopped = this.full.stream()
			.filter((scenario) -> scenario.id().equals("database-stopped"))
			.findFirst()
			.orElseThrow();

		assertThat(stopped.recordsViews()).isTrue();
		assertThat(stopped.onTwin()).isFalse();
		assertThat(stopped.modes()).containsExactly(Mode.values());
		assertThat(stopped.fault()).isNotNull();
		assertThat(stopped.dependency()).isEqualTo("recommendations");
	}

	@Test
	void productPagesNameAProductOfTheCatalogAndTheUser() {
		ServiceProcess storefront = ServiceProcess.builder("storefront", Path.of("storefront.jar"), Path.of("log"))
			.build();
		Catalog catalog = Catalog.load();

		URI product = Endpoint.PRODUCT.on(storefront).apply(3, 0);

		assertThat(product.getPath()).startsWith("/api/products/");
		assertThat(catalog.find(product.getPath().substring("/api/products/".length()))).isPresent();
		assertThat(product.getQuery()).isEqualTo("userId=u-3");
		assertThat(List.of(0, 1, 2).stream().map((i) -> Endpoint.EVERY_PAGE.on(storefront).apply(0, i).getPath()))
			.containsExactly("/api/home", "/api/search", "/api/products/p-0023");
	}

	@Test
	void idsAreUniqueSinceTheyNameTheCharts() {
		assertThat(this.full.stream().map(Scenario::id)).doesNotHaveDuplicates();
	}

	private Scenario firstWith(String id) {
		return this.full.get(firstIndex((scenario) -> scenario.id().equals(id)));
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
