package io.designforfailure.storefront.guard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Logs every breaker state transition once, at WARN, with the dependency's name, and
 * keeps the last few for the resilience console.
 */
@Component
class BreakerTransitions {

	private static final Logger logger = LoggerFactory.getLogger(BreakerTransitions.class);

	/** Enough history to see a flapping dependency, small enough to read at a glance. */
	private static final int KEPT_PER_BREAKER = 10;

	private final Clock clock;

	private final Map<String, Deque<GuardReport.Transition>> transitions = new ConcurrentHashMap<>();

	BreakerTransitions(CircuitBreakerRegistry registry, Clock clock) {
		this.clock = clock;
		registry.getAllCircuitBreakers().forEach(this::watch);
		registry.getEventPublisher().onEntryAdded((event) -> watch(event.getAddedEntry()));
	}

	private void watch(CircuitBreaker circuitBreaker) {
		circuitBreaker.getEventPublisher().onStateTransition(this::record);
	}

	private void record(CircuitBreakerOnStateTransitionEvent event) {
		CircuitBreaker.StateTransition transition = event.getStateTransition();
		logger.warn("Circuit breaker '{}' went from {} to {}", event.getCircuitBreakerName(), transition.getFromState(),
				transition.getToState());
		Deque<GuardReport.Transition> kept = this.transitions.computeIfAbsent(event.getCircuitBreakerName(),
				(name) -> new ArrayDeque<>());
		synchronized (kept) {
			kept.addFirst(new GuardReport.Transition(transition.getFromState().name(), transition.getToState().name(),
					this.clock.instant()));
			while (kept.size() > KEPT_PER_BREAKER) {
				kept.removeLast();
			}
		}
	}

	/** The latest transitions of the named breaker, newest first. */
	List<GuardReport.Transition> latest(String name) {
		Deque<GuardReport.Transition> kept = this.transitions.get(name);
		if (kept == null) {
			return List.of();
		}
		synchronized (kept) {
			return List.copyOf(kept);
		}
	}

}
