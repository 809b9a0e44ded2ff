package io.designforfailure.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A hanging search-service cannot take the capacity the home page needs. */
@SystemUnderTest
class BulkheadIsolationTests {

	private static final int SEARCHERS = 30;

	private static final int SEARCHES_PER_SEARCHER = 20;

	private static final Duration LOAD_DURATION = Duration.ofSeconds(4);

	/** A bound on the count; the load's duration ends the loop first. */
	private static final int HOME_CALLS = 300;

	/**
	 * Generous for a busy 2-core machine (a p99 of 513 ms was seen with a load average of
	 * 36); a home page stuck behind search would take the 5 s of the hang.
	 */
	private static final Duration HOME_LIMIT = Duration.ofSeconds(2);

	@Test
	void homeStaysFastAndNeverFailsWhileThirtyVisitorsSearchAHangingSearchService(RunningSystem system)
			throws Exception {
		for (int i = 0; i < 5; i++) {
			system.storefront("/api/home?userId=u-warm-up");
		}
		system.latency(Service.SEARCH, 5000);

		ExecutorService searchers = Executors.newFixedThreadPool(SEARCHERS);
		List<Answer> homes = new ArrayList<>();
		List<Future<List<Integer>>> searches = new ArrayList<>();
		try {
			Instant end = Instant.now().plus(LOAD_DURATION);
			for (int i = 0; i < SEARCHERS; i++) {
				String query = "/api/search?q=load%20" + i;
				searches.add(searchers.submit(() -> search(system, query, end)));
			}
			for (int i = 0; i < HOME_CALLS && Instant.now().isBefore(end); i++) {
				homes.add(system.storefront("/api/home?userId=u-" + i));
			}
		}
		finally {
			searchers.shutdown();
			searchers.awaitTermination(30, TimeUnit.SECONDS);
			searchers.shutdownNow();
		}

		List<Integer> searchStatuses = new ArrayList<>();
		for (Future<List<Integer>> future : searches) {
			searchStatuses.addAll(future.get());
		}
		assertThat(searchStatuses).as("search answers under load").isNotEmpty().containsOnly(200);
		assertThat(homes).as("home answers under load").hasSizeGreaterThan(10);
		assertThat(homes).extracting(Answer::status).containsOnly(200);
		assertThat(homes).extracting((home) -> home.section("recommendations").path("source").asText())
			.containsOnly("live");
		List<Duration> times = homes.stream().map(Answer::took).sorted().toList();
		Duration p99 = times.get((int) Math.ceil(times.size() * 0.99) - 1);
		assertThat(p99).as("p99 of %s home answers (slowest %s)", times.size(), times.get(times.size() - 1))
			.isLessThan(HOME_LIMIT);
	}

	private static List<Integer> search(RunningSystem system, String query, Instant end) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < SEARCHES_PER_SEARCHER && Instant.now().isBefore(end); i++) {
			statuses.add(system.storefront(query).status());
		}
		return statuses;
	}

}
