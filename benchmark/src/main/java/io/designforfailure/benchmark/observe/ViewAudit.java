package io.designforfailure.benchmark.observe;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.designforfailure.benchmark.launch.Pause;
import io.designforfailure.launcher.ServiceProcess;

/**
 * Follows the views a run's users cause until each is in recommendations-service's
 * database: it counts the users' views there ({@code GET /api/users/{userId}/views},
 * whose {@code total} counts every view of a user) before the run and again after it,
 * until the difference is what the storefront answered or the limit passes, and reads
 * what the storefront itself counted on {@code /api/resilience}.
 */
public final class ViewAudit {

	/**
	 * Long enough for a storefront to redeliver a few thousand views once its dependency
	 * is back: its next attempt comes at most 10 s after the last.
	 */
	private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpClient http;

	private final ServiceProcess recommendations;

	private final ServiceProcess storefront;

	private final List<String> userIds;

	private final long recordedBefore;

	private final StorefrontViews storefrontBefore;

	private ViewAudit(HttpClient http, ServiceProcess recommendations, ServiceProcess storefront,
			List<String> userIds) {
		this.http = http;
		this.recommendations = recommendations;
		this.storefront = storefront;
		this.userIds = userIds;
		this.recordedBefore = recorded().orElseThrow(() -> new IllegalStateException(
				"recommendations-service could not count the users' views before the run"));
		this.storefrontBefore = StorefrontWatch.views(storefront)
			.orElseThrow(() -> new IllegalStateException(storefront.name() + " could not count its views"));
	}

	/** Counts what is there before the run. */
	public static ViewAudit begin(HttpClient http, ServiceProcess recommendations, ServiceProcess storefront,
			List<String> userIds) {
		return new ViewAudit(http, recommendations, storefront, userIds);
	}

	/**
	 * Waits until the database holds a view for every page the storefront answered, or
	 * until the limit; then counts.
	 * @param pages the product pages the storefront answered during the run
	 * @param peakPending the most views the watch saw waiting for redelivery
	 * @param origin the run's time zero, {@link System#nanoTime()}
	 * @param faultEndMillis when the fault ended, in ms since time zero, or 0 without one
	 */
	public Views finish(long pages, long peakPending, long origin, long faultEndMillis) {
		long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
		OptionalLong recorded = recorded();
		while (System.nanoTime() < deadline && (recorded.isEmpty() || recorded.getAsLong() - this.recordedBefore < pages
				|| StorefrontWatch.views(this.storefront).map(StorefrontViews::pending).orElse(1L) > 0)) {
			Pause.of(Duration.ofMillis(250));
			recorded = recorded();
		}
		long settled = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - origin) - faultEndMillis;
		StorefrontViews after = StorefrontWatch.views(this.storefront).orElse(this.storefrontBefore);
		long inDatabase = recorded.orElse(this.recordedBefore) - this.recordedBefore;
		return new Views(pages, inDatabase, after.redelivered() - this.storefrontBefore.redelivered(),
				after.dropped() - this.storefrontBefore.dropped(), after.pending(), peakPending,
				(inDatabase == pages && after.pending() == 0) ? settled : null);
	}

	/** The views recommendations-service holds for the users, if it can count them. */
	private OptionalLong recorded() {
		long total = 0;
		for (String userId : this.userIds) {
			try {
				HttpResponse<String> response = this.http
					.send(HttpRequest.newBuilder(this.recommendations.uri("/api/users/" + userId + "/views?limit=1"))
						.timeout(POLL_TIMEOUT)
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					return OptionalLong.empty();
				}
				total += json.readTree(response.body()).path("total").asLong();
			}
			catch (IOException ex) {
				return OptionalLong.empty();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return OptionalLong.empty();
			}
		}
		return OptionalLong.of(total);
	}

	/**
	 * What the storefront counted of its views, from {@code /api/resilience}.
	 *
	 * @param delivered accepted at the first delivery
	 * @param redelivered accepted after waiting in the redelivery queue
	 * @param dropped given up: the queue was full, or the view was refused
	 * @param pending waiting now
	 */
	public record StorefrontViews(long delivered, long redelivered, long dropped, long pending) {

		static StorefrontViews of(JsonNode views) {
			return new StorefrontViews(views.path("delivered").asLong(), views.path("redelivered").asLong(),
					views.path("dropped").asLong(), views.path("pending").asLong());
		}

	}

	/**
	 * What became of one run's views.
	 *
	 * @param pages product pages the storefront answered, each one view
	 * @param inDatabase views of the run's users that recommendations-service's database
	 * gained
	 * @param redelivered of them, sent again from the storefront's redelivery queue
	 * @param dropped views the storefront gave up
	 * @param pending views still waiting in the storefront when the count ended
	 * @param peakPending the most views seen waiting at once during the run
	 * @param settledMillis from the fault's end (the run's end, without one) until every
	 * view was in the database, or null if they never all were
	 */
	public record Views(long pages, long inDatabase, long redelivered, long dropped, long pending, long peakPending,
			Long settledMillis) {

		/** Every view in the database, none twice. */
		public boolean exactlyOnce() {
			return this.inDatabase == this.pages && this.pending == 0 && this.dropped == 0;
		}

	}

}
