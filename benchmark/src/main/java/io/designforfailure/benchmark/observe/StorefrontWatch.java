package io.designforfailure.benchmark.observe;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.designforfailure.launcher.ServiceProcess;

/**
 * Polls a storefront during a run: its breakers and the views waiting for redelivery on
 * /api/resilience every 250 ms, its busy Tomcat threads on /actuator/prometheus every 500
 * ms.
 */
public final class StorefrontWatch {

	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

	private static final String BUSY_THREADS = "tomcat_threads_busy_threads{";

	/** The dependency whose details count the views. */
	private static final String RECOMMENDATIONS = "recommendations";

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(POLL_TIMEOUT)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	static final ObjectMapper json = new ObjectMapper();

	private final ServiceProcess storefront;

	private final long originNanos;

	private final ScheduledExecutorService polls = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "watch");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Transition> transitions = new CopyOnWriteArrayList<>();

	private final Map<String, String> states = new HashMap<>();

	private final AtomicInteger peakBusy = new AtomicInteger();

	private final AtomicInteger threadPolls = new AtomicInteger();

	private final AtomicInteger unanswered = new AtomicInteger();

	private final AtomicLong peakPending = new AtomicLong();

	public StorefrontWatch(ServiceProcess storefront, long originNanos) {
		this.storefront = storefront;
		this.originNanos = originNanos;
	}

	public void start() {
		this.polls.scheduleWithFixedDelay(this::pollBreakers, 0, 250, TimeUnit.MILLISECONDS);
		this.polls.scheduleWithFixedDelay(this::pollThreads, 0, 500, TimeUnit.MILLISECONDS);
	}

	public void stop() {
		this.polls.shutdownNow();
		try {
			this.polls.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public List<Transition> transitions() {
		return List.copyOf(this.transitions);
	}

	public Threads threads() {
		return new Threads(this.peakBusy.get(), this.threadPolls.get(), this.unanswered.get());
	}

	/** The most views seen waiting for redelivery at once. */
	public long peakPendingViews() {
		return this.peakPending.get();
	}

	/** What the storefront counted of its views, if it answers within a second. */
	public static Optional<ViewAudit.StorefrontViews> views(ServiceProcess storefront) {
		return get(storefront, "/api/resilience").flatMap(StorefrontWatch::views);
	}

	static Optional<ViewAudit.StorefrontViews> views(String resilience) {
		try {
			return views(json.readTree(resilience).path("dependencies"));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Optional<ViewAudit.StorefrontViews> views(JsonNode dependencies) {
		JsonNode views = dependencies.path(RECOMMENDATIONS).path("details").path("views");
		return views.isObject() ? Optional.of(ViewAudit.StorefrontViews.of(views)) : Optional.empty();
	}

	/** The storefront's busy request threads now, if it answers within a second. */
	public static Optional<Integer> busyThreads(ServiceProcess storefront) {
		return get(storefront, "/actuator/prometheus").flatMap(StorefrontWatch::busyThreads);
	}

	/**
	 * Whether the storefront's guards are at rest now, if it answers within a second:
	 * every breaker closed and nothing held back by its adaptive throttle. A throttle
	 * that a fault drove up remembers it for its window after the breaker closed again,
	 * and would degrade the start of the next run.
	 */
	public static boolean guardsAtRest(ServiceProcess storefront) {
		return get(storefront, "/api/resilience").map(StorefrontWatch::guardsAtRest).orElse(false);
	}

	static boolean guardsAtRest(String resilience) {
		try {
			JsonNode dependencies = json.readTree(resilience).path("dependencies");
			for (JsonNode dependency : dependencies) {
				if (!dependency.path("circuitBreaker").path("state").asText().equals("CLOSED")
						|| dependency.path("overload").path("throttleProbability").asDouble() > 0) {
					return false;
				}
			}
			return dependencies.size() > 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static Optional<Integer> busyThreads(String prometheus) {
		int busy = -1;
		for (String line : prometheus.split("\n")) {
			if (line.startsWith(BUSY_THREADS)) {
				busy = Math.max(busy, (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
			}
		}
		return (busy >= 0) ? Optional.of(busy) : Optional.empty();
	}

	private void pollBreakers() {
		Optional<String> body = get(this.storefront, "/api/resilience");
		long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.originNanos);
		body.ifPresent((text) -> {
			try {
				JsonNode dependencies = json.readTree(text).path("dependencies");
				dependencies.fieldNames().forEachRemaining((name) -> {
					String state = dependencies.path(name).path("circuitBreaker").path("state").asText();
					String before = this.states.put(name, state);
					if (before != null && !before.equals(state)) {
						this.transitions.add(new Transition(at, name, state));
					}
				});
				views(dependencies).ifPresent((views) -> this.peakPending.accumulateAndGet(views.pending(), Math::max));
			}
			catch (IOException ex) {
				// A garbled answer is a missed poll; the next one comes in 250 ms.
			}
		});
	}

	private void pollThreads() {
		this.threadPolls.incrementAndGet();
		Optional<Integer> busy = busyThreads(this.storefront);
		busy.ifPresentOrElse((count) -> this.peakBusy.accumulateAndGet(count, Math::max),
				this.unanswered::incrementAndGet);
	}

	/** A service's answer to {@code GET path}, if it is a 200 within a second. */
	static Optional<String> get(ServiceProcess service, String path) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(service.uri(path)).timeout(POLL_TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
