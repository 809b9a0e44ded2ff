package io.designforfailure.recommendations.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ViewHistoryTests {

	private final ViewHistory history = new ViewHistory(100, 3);

	@Test
	void countsEveryViewOfAProduct() {
		this.history.record("alice", "p-0001");
		this.history.record("alice", "p-0001");
		this.history.record("bob", "p-0001");
		this.history.record("bob", "p-0002");

		assertThat(this.history.viewCounts()).containsOnly(entry("p-0001", 3L), entry("p-0002", 1L));
	}

	@Test
	void listsAUsersViewsMostRecentFirstWithoutRepeats() {
		this.history.record("alice", "p-0001");
		this.history.record("alice", "p-0002");
		this.history.record("alice", "p-0001");

		assertThat(this.history.viewedBy("alice")).containsExactly("p-0001", "p-0002");
		assertThat(this.history.viewedBy("bob")).isEmpty();
	}

	@Test
	void keepsOnlyTheLastViewsOfEachUser() {
		this.history.record("alice", "p-0001");
		this.history.record("alice", "p-0002");
		this.history.record("alice", "p-0003");
		this.history.record("alice", "p-0004");

		assertThat(this.history.viewedBy("alice")).containsExactly("p-0004", "p-0003", "p-0002");
	}

	@Test
	void forgetsTheLeastRecentlyActiveUserBeyondTheCap() {
		ViewHistory twoUsers = new ViewHistory(2, 3);
		twoUsers.record("alice", "p-0001");
		twoUsers.record("bob", "p-0002");
		twoUsers.record("alice", "p-0003");
		twoUsers.record("carol", "p-0004");

		assertThat(twoUsers.viewedBy("bob")).isEmpty();
		assertThat(twoUsers.viewedBy("alice")).containsExactly("p-0003", "p-0001");
		assertThat(twoUsers.viewedBy("carol")).containsExactly("p-0004");
	}

	@Test
	void countsCoViewsBothWaysOncePerUser() {
		this.history.record("alice", "p-0001");
		this.history.record("alice", "p-0002");
		this.history.record("alice", "p-0002");
		this.history.record("alice", "p-0001");
		this.history.record("bob", "p-0002");
		this.history.record("bob", "p-0001");

		assertThat(this.history.coViewCounts("p-0001")).containsOnly(entry("p-0002", 2L));
		assertThat(this.history.coViewCounts("p-0002")).containsOnly(entry("p-0001", 2L));
	}

	@Test
	void neverCoViewsAProductWithItselfNorWithNothing() {
		this.history.record("alice", "p-0001");
		this.history.record("alice", "p-0001");

		assertThat(this.history.coViewCounts("p-0001")).isEmpty();
		assertThat(this.history.coViewCounts("p-0099")).isEmpty();
	}

}
