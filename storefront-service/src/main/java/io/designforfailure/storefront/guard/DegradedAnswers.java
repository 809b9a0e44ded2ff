package io.designforfailure.storefront.guard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.designforfailure.web.tracing.Traces;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The latest degraded answers of every dependency, newest first, for the resilience
 * console: when, which dependency, served from where and why, the attempts made, and the
 * trace to open in the viewer.
 */
@Component
public class DegradedAnswers {

	/**
	 * As many as the console lists: enough to see an incident unfold, few enough to read.
	 */
	static final int KEPT = 20;

	private final Deque<DegradedAnswer> latest = new ArrayDeque<>(KEPT);

	private final Clock clock;

	private final Traces traces;

	DegradedAnswers(Clock clock, Traces traces) {
		this.clock = clock;
		this.traces = traces;
	}

	/** Keeps {@code section} if degraded, with the trace it is served in. */
	void served(String dependency, Section<?> section) {
		if (!section.degraded()) {
			return;
		}
		DegradedAnswer answer = new DegradedAnswer(this.clock.instant(), dependency, section.source(), section.reason(),
				section.attempts(), this.traces.currentTraceId());
		synchronized (this.latest) {
			if (this.latest.size() == KEPT) {
				this.latest.removeLast();
			}
			this.latest.addFirst(answer);
		}
	}

	/** The latest degraded answers, newest first. */
	public List<DegradedAnswer> latest() {
		synchronized (this.latest) {
			return List.copyOf(this.latest);
		}
	}

	/**
	 * One degraded answer.
	 *
	 * @param at when it was served
	 * @param dependency the dependency that failed it
	 * @param source cache or fallback
	 * @param reason why
	 * @param attempts the attempts made before it
	 * @param traceId the trace of the request it answered, if traced
	 */
	public record DegradedAnswer(Instant at, String dependency, Source source, Reason reason, List<Attempt> attempts,
			@Nullable String traceId) {
	}

}
