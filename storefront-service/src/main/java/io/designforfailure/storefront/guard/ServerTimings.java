package io.designforfailure.storefront.guard;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The dependencies one storefront request called, for its {@code Server-Timing} header:
 * per dependency the time its calls took and the attempts they made,
 * {@code search;dur=512;desc="3 attempts"}. Kept on the request's own observation, which
 * every call's observation descends from, on whatever thread the call ran (the related
 * items' bulkhead thread carries it along), so no thread-local has to follow the work.
 */
final class ServerTimings {

	/** The response header. */
	static final String HEADER = "Server-Timing";

	private final Map<String, Entry> entries = new TreeMap<>();

	/**
	 * The timings of the request that {@code call} is part of, made when its first call
	 * ends; none outside a request, such as the background refresh.
	 */
	static Optional<ServerTimings> of(Observation.Context call) {
		for (ObservationView parent = call.getParentObservation(); parent != null; parent = parent.getContextView()
			.getParentObservation()) {
			if (parent.getContextView() instanceof ServerRequestObservationContext request) {
				return Optional.of(request.computeIfAbsent(ServerTimings.class, (key) -> new ServerTimings()));
			}
		}
		return Optional.empty();
	}

	/** The timings kept on a request's observation, if it called any dependency. */
	static Optional<ServerTimings> in(ServerRequestObservationContext request) {
		return Optional.ofNullable(request.get(ServerTimings.class));
	}

	synchronized void add(String dependency, long millis, int attempts) {
		this.entries.merge(dependency, new Entry(millis, attempts),
				(old, added) -> new Entry(old.millis() + added.millis(), old.attempts() + added.attempts()));
	}

	/** The header's value: one entry per dependency, by name. */
	synchronized String header() {
		return this.entries.entrySet()
			.stream()
			.map((entry) -> "%s;dur=%d;desc=\"%d attempt%s\"".formatted(entry.getKey(), entry.getValue().millis(),
					entry.getValue().attempts(), (entry.getValue().attempts() == 1) ? "" : "s"))
			.collect(Collectors.joining(", "));
	}

	private record Entry(long millis, int attempts) {
	}

}
