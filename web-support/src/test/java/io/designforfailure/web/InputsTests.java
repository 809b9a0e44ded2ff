package io.designforfailure.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InputsTests {

	@ParameterizedTest
	@ValueSource(strings = { "alice", "alice@example.com", "a.b_c-d", "0" })
	void acceptsUserIdsOfTheSharedPattern(String userId) {
		assertThat(Inputs.userId(userId)).isEqualTo(userId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a b", "<script>", "a/b", "ünïcode",
			"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu" })
	void rejectsOtherUserIdsNamingTheField(String userId) {
		assertThatExceptionOfType(FieldProblem.class).isThrownBy(() -> Inputs.userId(userId))
			.satisfies((problem) -> assertThat(problem.getBody().getProperties()).containsEntry("field", "userId"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "p-1", "P-0001", "p-00001", "42" })
	void rejectsMalformedProductIdsByTheCatalogsRule(String id) {
		assertThatExceptionOfType(FieldProblem.class).isThrownBy(() -> Inputs.productId(id))
			.satisfies((problem) -> assertThat(problem.getBody().getProperties()).containsEntry("field", "id"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "shoes", "  shoes  " })
	void trimsAQuery(String query) {
		assertThat(Inputs.query(query)).isEqualTo("shoes");
	}

}
