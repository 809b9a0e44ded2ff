package io.designforfailure.search.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import io.designforfailure.catalog.Catalog;
import io.micrometer.observation.ObservationRegistry;
import io.designforfailure.web.FieldProblem;
import org.apache.lucene.index.QueryTimeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProductIndexTests {

	private static final ProductIndex index = new ProductIndex(Catalog.load(), ObservationRegistry.NOOP);

	private static final QueryTimeout NO_DEADLINE = () -> false;

	@AfterAll
	static void closeIndex() throws IOException {
		index.close();
	}

	@Test
	void ranksRunningShoesFirstForRunningShoes() {
		List<SearchHit> top = index.search("running shoes", 3, NO_DEADLINE).items();

		assertThat(top.get(0).name()).endsWith("Running Shoes");
		assertThat(top).hasSize(3).allSatisfy((hit) -> assertThat(hit.name()).endsWith("Shoes"));
	}

	@Test
	void ranksNameMatchesAboveTagAndDescriptionMatches() {
		List<Boolean> namedShoes = index.search("shoes", 50, NO_DEADLINE)
			.items()
			.stream()
			.map((hit) -> hit.name().contains("Shoes"))
			.toList();

		assertThat(namedShoes).contains(true, false).isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void ignoresCaseAndPlural() {
		SearchResponse shoes = index.search("shoes", 5, NO_DEADLINE);

		assertThat(shoes.total()).isPositive();
		for (String variant : List.of("Shoe", "SHOES", "shoe")) {
			SearchResponse other = index.search(variant, 5, NO_DEADLINE);
			assertThat(other.total()).as(variant).isEqualTo(shoes.total());
			assertThat(other.items().get(0).id()).as(variant).isEqualTo(shoes.items().get(0).id());
		}
	}

	@Test
	void matchesOtherFormsOfTheSameWord() {
		assertThat(ids("running")).contains("p-0120");
		assertThat(ids("run")).contains("p-0001");
		assertThat(ids("runners")).contains("p-0119");
	}

	@Test
	void findsNothingForNonsense() {
		SearchResponse response = index.search("xqzvbnm", 10, NO_DEADLINE);

		assertThat(response.total()).isZero();
		assertThat(response.items()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "the and of", "*:*", "\\", "?!", "\"(", "-" })
	void findsNothingForStopWordsOrPunctuation(String query) {
		SearchResponse response = index.search(query, 10, NO_DEADLINE);

		assertThat(response.total()).isZero();
		assertThat(response.items()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"shoes AND (", "shoes~^", "shoes OR", "NOT shoes", "shoes [ TO ]", "shoes/" })
	void treatsQuerySyntaxAsPlainWords(String query) {
		assertThat(index.search(query, 50, NO_DEADLINE).total())
			.isEqualTo(index.search("shoes", 50, NO_DEADLINE).total());
	}

	@Test
	void returnsAtMostLimitHitsButCountsThemAll() {
		SearchResponse one = index.search("running", 1, NO_DEADLINE);
		SearchResponse fifty = index.search("running", 50, NO_DEADLINE);

		assertThat(one.items()).hasSize(1);
		assertThat(fifty.total()).isGreaterThan(1).isEqualTo(one.total());
		assertThat(fifty.items()).hasSize((int) Math.min(50, fifty.total()));
		assertThat(fifty.items().get(0)).isEqualTo(one.items().get(0));
	}

	@Test
	void echoesTheQueryAndScoresBestFirst() {
		SearchResponse response = index.search("hiking boots", 10, NO_DEADLINE);

		assertThat(response.query()).isEqualTo("hiking boots");
		assertThat(response.items()).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(response.items().get(0).score()).isPositive();
	}

	private static List<String> ids(String query) {
		return index.search(query, 50, NO_DEADLINE).items().stream().map(SearchHit::id).toList();
	}

	@Test
	void stopsAQueryWhoseDeadlineHasPassedInsteadOfAnsweringWithPartialHits() {
		assertThatExceptionOfType(FieldProblem.class).isThrownBy(() -> index.search("running shoes", 10, () -> true))
			.satisfies((problem) -> {
				assertThat(problem.getStatusCode().value()).isEqualTo(503);
				assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
			});
	}

}
