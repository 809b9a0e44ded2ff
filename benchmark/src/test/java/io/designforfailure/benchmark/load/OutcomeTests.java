package io.designforfailure.benchmark.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTests {

	@Test
	void aDegradedSectionMakesADegradedAnswer() {
		assertThat(Outcome.of(200, "{\"results\":{\"source\":\"cache\",\"degraded\":true}}"))
			.isEqualTo(Outcome.DEGRADED);
	}

	@Test
	void aLiveSectionMakesALiveAnswer() {
		assertThat(Outcome.of(200, "{\"results\":{\"source\":\"live\",\"degraded\":false}}")).isEqualTo(Outcome.LIVE);
	}

	@Test
	void readsTheReasonOfADegradedSection() {
		assertThat(Outcome.reason(
				"{\"query\":\"tent\",\"results\":{\"items\":[],\"source\":\"cache\",\"degraded\":true,\"reason\":\"bulkhead-full\"}}"))
			.isEqualTo("bulkhead-full");
	}

	@Test
	void findsNoReasonInALiveSection() {
		assertThat(Outcome.reason("{\"results\":{\"source\":\"live\",\"degraded\":false,\"reason\":null}}")).isNull();
		assertThat(Outcome.reason("{\"results\":{\"source\":\"live\"}}")).isNull();
	}

	@Test
	void anyNon2xxIsAFailureWhateverItsBody() {
		assertThat(Outcome.of(500, "{\"degraded\":false}")).isEqualTo(Outcome.FAILED);
		assertThat(Outcome.of(404, "")).isEqualTo(Outcome.FAILED);
	}

}
