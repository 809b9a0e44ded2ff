package io.designforfailure.benchmark.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.designforfailure.launcher.ServiceProcess;

/**
 * A debug recorder for one run (benchmark option {@code --record=breaker}): every call
 * the storefront's breaker of one dependency recorded, with its duration, from the
 * breaker's event buffer (Resilience4j's {@code /actuator/circuitbreakerevents}); the
 * breaker's window as {@code /api/resilience} shows it; and the garbage collection pauses
 * of the storefront and of the dependency; polled every 200 ms. It writes one CSV per run
 * and says what opened the breaker, if anything did: slow calls, failed calls, and which
 * of them. The event buffer must hold 200 ms of calls, so the lab enlarges it when
 * recording; reading it costs the storefront CPU, so recorded runs are for finding a
 * mechanism, not for the figures.
 */
public final class BreakerRecorder {

	private static final long POLL_MILLIS = 200;

	/** Calls at or over this are slow by the breaker's round-2 rule. */
	static final long SLOW_MILLIS = 200;

	/** Calls at or over this reached the attempt timeout. */
	static final long TIMEOUT_MILLIS = 250;

	private final ServiceProcess storefront;

	private final ServiceProcess dependency;

	private final String name;

	private final long originNanos;

	private final long originEpochMillis;

	private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "breaker-recorder");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<String> seen = new HashSet<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final List<Window> windows = new CopyOnWriteArrayList<>();

	/**
	 * @param storefront the storefront whose breaker it reads
	 * @param dependency the service that breaker guards
	 * @param name the breaker's name, the dependency's
	 * @param originNanos the run's time zero, from {@link System#nanoTime()}
	 */
	public BreakerRecorder(ServiceProcess storefront, ServiceProcess dependency, String name, long originNanos) {
		this.storefront = storefront;
		this.dependency = dependency;
		this.name = name;
		this.originNanos = originNanos;
		this.originEpochMillis = System.currentTimeMillis()
				- TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - originNanos);
	}

	public void start() {
		this.polls.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops polling, writes every call and window to {@code csv} and returns what the
	 * record says.
	 */
	public Summary stop(Path csv) {
		this.polls.shutdownNow();
		try {
			this.polls.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Call> all = new ArrayList<>(this.calls);
		all.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
		List<String> lines = new ArrayList<>();
		lines.add("at_ms,record,type,duration_ms,state,failure_rate,slow_call_rate,buffered,failed,slow,"
				+ "storefront_gc_ms,dependency_gc_ms");
		all.forEach((call) -> lines.add(String.format(Locale.ROOT, "%d,call,%s,%d,,,,,,,,", call.atMillis(),
				call.type(), call.durationMillis())));
		this.windows
			.forEach((window) -> lines.add(String.format(Locale.ROOT, "%d,window,,,%s,%.1f,%.1f,%d,%d,%d,%.0f,%.0f",
					window.atMillis(), window.state(), window.failureRate(), window.slowCallRate(), window.buffered(),
					window.failed(), window.slow(), window.storefrontGcMillis(), window.dependencyGcMillis())));
		try {
			Files.createDirectories(csv.getParent());
			Files.write(csv, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + csv, ex);
		}
		this.events.forEach((event) -> lines.add(String.format(Locale.ROOT, "%d,event,%s %s,,,,,,,,,,,",
				event.atMillis(), event.type(), event.detail())));
		return Summary.of(all, List.copyOf(this.events), List.copyOf(this.windows));
	}

	private void poll() {
		long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.originNanos);
		StorefrontWatch.get(this.storefront, "/actuator/circuitbreakerevents/" + this.name).ifPresent(this::readEvents);
		StorefrontWatch.get(this.storefront, "/api/resilience").ifPresent((body) -> {
			JsonNode dependency = tree(body).path("dependencies").path(this.name);
			JsonNode breaker = dependency.path("circuitBreaker");
			if (breaker.isObject()) {
				this.windows.add(new Window(at, breaker.path("state").asText(), breaker.path("failureRate").asDouble(),
						breaker.path("slowCallRate").asDouble(), breaker.path("bufferedCalls").asInt(),
						breaker.path("failedCalls").asInt(), breaker.path("slowCalls").asInt(),
						dependency.path("concurrencyLimit").path("limit").asInt(-1), gcMillis(this.storefront),
						gcMillis(this.dependency), served(this.dependency)));
			}
		});
	}

	private void readEvents(String body) {
		for (JsonNode event : tree(body).path("circuitBreakerEvents")) {
			String type = event.path("type").asText();
			String created = event.path("creationTime").asText();
			long duration = event.path("durationInMs").asLong(-1);
			String transition = event.path("stateTransition").asText("");
			if (!this.seen.add(created + type + duration + transition)) {
				continue;
			}
			long at = epochMillis(created) - this.originEpochMillis;
			if (at < 0) {
				// The buffer still holds the calls of the run before.
				continue;
			}
			if (type.equals("SUCCESS") || type.equals("ERROR")) {
				this.calls.add(new Call(at, type, duration));
			}
			else if (type.equals("STATE_TRANSITION") || type.endsWith("_RATE_EXCEEDED")) {
				this.events.add(new Event(at, type, transition));
			}
		}
	}

	/**
	 * The searches the dependency has answered 200 since it started, and the time it took
	 * over them, as its own metrics say: its side of the round trips. Read for search
	 * only; for another dependency the count stays 0.
	 */
	private static Served served(ServiceProcess service) {
		return StorefrontWatch.get(service, "/actuator/metrics/http.server.requests?tag=uri:/api/search&tag=status:200")
			.map((body) -> {
				long count = 0;
				double seconds = 0;
				for (JsonNode measurement : tree(body).path("measurements")) {
					switch (measurement.path("statistic").asText()) {
						case "COUNT" -> count = measurement.path("value").asLong();
						case "TOTAL_TIME" -> seconds = measurement.path("value").asDouble();
						default -> {
						}
					}
				}
				return new Served(count, seconds * 1000);
			})
			.orElse(new Served(-1, Double.NaN));
	}

	/**
	 * Garbage collection pause time since the JVM started, in ms; NaN when the JVM did
	 * not answer within a second.
	 */
	private static double gcMillis(ServiceProcess service) {
		return StorefrontWatch.get(service, "/actuator/metrics/jvm.gc.pause").map((body) -> {
			for (JsonNode measurement : tree(body).path("measurements")) {
				if (measurement.path("statistic").asText().equals("TOTAL_TIME")) {
					return measurement.path("value").asDouble() * 1000;
				}
			}
			return Double.NaN;
		}).orElse(Double.NaN);
	}

	static long epochMillis(String creationTime) {
		try {
			return ZonedDateTime.parse(creationTime).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			return Instant.parse(creationTime).toEpochMilli();
		}
	}

	private static JsonNode tree(String body) {
		try {
			return StorefrontWatch.json.readTree(body);
		}
		catch (IOException ex) {
			return StorefrontWatch.json.createObjectNode();
		}
	}

	/**
	 * One call the breaker recorded.
	 *
	 * @param atMillis when it ended, ms since the run began
	 * @param type SUCCESS or ERROR
	 * @param durationMillis how long the breaker timed it
	 */
	record Call(long atMillis, String type, long durationMillis) {
	}

	/**
	 * A change of state, or a rate over its threshold.
	 *
	 * @param atMillis when, ms since the run began
	 * @param type STATE_TRANSITION, SLOW_CALL_RATE_EXCEEDED or FAILURE_RATE_EXCEEDED
	 * @param detail the transition, e.g. CLOSED_TO_OPEN; empty for the others
	 */
	record Event(long atMillis, String type, String detail) {
	}

	/**
	 * The breaker's window at one poll, the concurrency limit then (-1 where there is
	 * none), the pause time each JVM had collected so far, and what the dependency had
	 * served.
	 */
	record Window(long atMillis, String state, double failureRate, double slowCallRate, int buffered, int failed,
			int slow, int limit, double storefrontGcMillis, double dependencyGcMillis, Served served) {
	}

	/**
	 * The requests a service answered since it started, and the milliseconds it spent on
	 * them; -1 and NaN when it did not answer within a second.
	 */
	record Served(long requests, double millis) {
	}

	/**
	 * What a record says.
	 *
	 * @param calls calls recorded
	 * @param slowSuccesses successful calls at or over 200 ms
	 * @param timedOut failed calls at or over the 250 ms attempt timeout
	 * @param fastFailures failed calls under the attempt timeout
	 * @param slowestMillis the longest call
	 * @param lowestLimit the lowest concurrency limit a poll saw, or -1 where there is
	 * none
	 * @param opening what opened the breaker the first time, or null when it never opened
	 */
	public record Summary(int calls, int slowSuccesses, int timedOut, int fastFailures, long slowestMillis,
			int lowestLimit, Opening opening) {

		static Summary of(List<Call> calls, List<Event> events, List<Window> windows) {
			int slow = 0;
			int timedOut = 0;
			int fastFailures = 0;
			long slowest = 0;
			for (Call call : calls) {
				slowest = Math.max(slowest, call.durationMillis());
				if (call.type().equals("ERROR")) {
					if (call.durationMillis() >= TIMEOUT_MILLIS) {
						timedOut++;
					}
					else {
						fastFailures++;
					}
				}
				else if (call.durationMillis() >= SLOW_MILLIS) {
					slow++;
				}
			}
			int lowestLimit = windows.stream().mapToInt(Window::limit).filter((limit) -> limit >= 0).min().orElse(-1);
			return new Summary(calls.size(), slow, timedOut, fastFailures, slowest, lowestLimit,
					Opening.first(calls, events, windows));
		}

		/** One line for the console. */
		public String describe() {
			return String.format(Locale.ROOT,
					"breaker record: %d calls, %d successes of 200 ms or more, %d failures at the 250 ms timeout,"
							+ " %d faster failures, slowest %d ms; concurrency limit at least %s; %s",
					this.calls, this.slowSuccesses, this.timedOut, this.fastFailures, this.slowestMillis,
					(this.lowestLimit >= 0) ? Integer.toString(this.lowestLimit) : "- (none)",
					(this.opening != null) ? this.opening.describe() : "the breaker never opened");
		}

	}

	/**
	 * The first opening: which rule fired, and the calls that were in the window then,
	 * rebuilt from the record.
	 *
	 * @param atMillis when the breaker opened, ms since the run began
	 * @param rule the rate that exceeded its threshold: SLOW_CALL_RATE_EXCEEDED,
	 * FAILURE_RATE_EXCEEDED, or unknown when the buffer lost the event
	 * @param window the calls the window held: the latest {@code bufferedCalls} recorded
	 * before the opening
	 * @param slow of those, calls of 200 ms or more
	 * @param failed of those, failed calls
	 * @param spanMillis from the first of those calls to the opening: how much time the
	 * window covered
	 * @param medianMillis the median duration of those calls
	 * @param storefrontGcMillis pause time the storefront collected in the second before
	 * the opening
	 * @param dependencyGcMillis pause time the dependency collected in that second
	 * @param dependencyMeanMillis the mean time the dependency itself took over the
	 * requests it answered in that second: its side of the round trips
	 */
	public record Opening(long atMillis, String rule, int window, int slow, int failed, long spanMillis,
			long medianMillis, double storefrontGcMillis, double dependencyGcMillis, double dependencyMeanMillis) {

		static Opening first(List<Call> calls, List<Event> events, List<Window> windows) {
			Event opened = events.stream()
				.filter((event) -> event.type().equals("STATE_TRANSITION") && event.detail().endsWith("_TO_OPEN"))
				.findFirst()
				.orElse(null);
			if (opened == null) {
				return null;
			}
			String rule = events.stream()
				.filter((event) -> event.type().endsWith("_RATE_EXCEEDED")
						&& Math.abs(event.atMillis() - opened.atMillis()) <= 5)
				.map(Event::type)
				.findFirst()
				.orElse("unknown");
			int size = windows.stream()
				.filter((window) -> window.atMillis() <= opened.atMillis() && window.state().equals("CLOSED"))
				.mapToInt(Window::buffered)
				.reduce((first, second) -> second)
				.orElse(0);
			List<Call> before = calls.stream().filter((call) -> call.atMillis() <= opened.atMillis()).toList();
			List<Call> window = before.subList(Math.max(0, before.size() - size), before.size());
			long[] durations = window.stream().mapToLong(Call::durationMillis).sorted().toArray();
			double[] second = theSecondBefore(windows, opened.atMillis());
			return new Opening(opened.atMillis(), rule, window.size(),
					(int) window.stream().filter((call) -> call.durationMillis() >= SLOW_MILLIS).count(),
					(int) window.stream().filter((call) -> call.type().equals("ERROR")).count(),
					window.isEmpty() ? 0 : opened.atMillis() - window.get(0).atMillis(),
					(durations.length > 0) ? durations[durations.length / 2] : 0, second[0], second[1], second[2]);
		}

		/**
		 * From the polls of the second before a moment: the pause time each JVM
		 * collected, and the dependency's mean time per request.
		 */
		private static double[] theSecondBefore(List<Window> windows, long atMillis) {
			Window last = null;
			Window first = null;
			for (Window window : windows) {
				boolean answered = !Double.isNaN(window.storefrontGcMillis())
						&& !Double.isNaN(window.dependencyGcMillis()) && window.served().requests() >= 0;
				if (answered && window.atMillis() <= atMillis + POLL_MILLIS && window.atMillis() >= atMillis - 1000) {
					first = (first == null) ? window : first;
					last = window;
				}
			}
			if (first == null) {
				return new double[] { Double.NaN, Double.NaN, Double.NaN };
			}
			long requests = last.served().requests() - first.served().requests();
			return new double[] { last.storefrontGcMillis() - first.storefrontGcMillis(),
					last.dependencyGcMillis() - first.dependencyGcMillis(),
					(requests > 0) ? (last.served().millis() - first.served().millis()) / requests : Double.NaN };
		}

		String describe() {
			return String.format(Locale.ROOT,
					"opened at %.2f s by %s; the window held %d calls spanning %d ms: %d slow (200 ms or more), %d failed,"
							+ " median %d ms; in the second before: GC pauses of the storefront %.0f ms and of the"
							+ " dependency %.0f ms, the dependency's own mean time per request %.1f ms",
					this.atMillis / 1000.0, this.rule, this.window, this.spanMillis, this.slow, this.failed,
					this.medianMillis, this.storefrontGcMillis, this.dependencyGcMillis, this.dependencyMeanMillis);
		}

	}

}
