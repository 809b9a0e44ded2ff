package io.designforfailure.storefront.guard;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.designforfailure.web.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.stereotype.Component;

/**
 * Hands each dependency its own guards: one Resilience4j instance of each kind named
 * after the dependency and configured in application.yml (and a second breaker for its
 * writes), and its own concurrency limit, retry budget and throttle, never shared.
 */
@Component
public class DependencyGuards {

	private final RetryRegistry retries;

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	private final GuardProperties properties;

	private final ExchangeTimer timer;

	private final Faults faults;

	private final SectionMetrics sections;

	private final BreakerTransitions transitions;

	private final MeterRegistry meters;

	private final Ticker ticker;

	private final DependencyGuard.Story story;

	private final Map<String, DependencyGuard> guards = new ConcurrentHashMap<>();

	/**
	 * A dependency's writes have a breaker of their own, {@code recommendations-writes}
	 * beside {@code recommendations}: a write path that fails (a database down behind it)
	 * must not refuse the reads it still answers.
	 */
	static final String WRITES_BREAKER_SUFFIX = "-writes";

	DependencyGuards(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			GuardProperties properties, ExchangeTimer timer, BreakerTransitions transitions, MeterRegistry meters,
			Clock clock, Ticker ticker, ObservationRegistry observations, Traces traces, DegradedAnswers degraded) {
		this.retries = retries;
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
		this.properties = properties;
		this.timer = timer;
		this.faults = new Faults(clock);
		this.sections = new SectionMetrics(meters);
		this.transitions = transitions;
		this.meters = meters;
		this.ticker = ticker;
		this.story = new DependencyGuard.Story(observations, traces, degraded);
	}

	/** The guard of the dependency these properties describe, made once. */
	public DependencyGuard guard(DependencyProperties dependency) {
		return this.guards.computeIfAbsent(dependency.name(), (name) -> create(name, dependency));
	}

	/** Every guard made so far. */
	public Collection<DependencyGuard> all() {
		return List.copyOf(this.guards.values());
	}

	private DependencyGuard create(String name, DependencyProperties dependency) {
		Retry configured = this.retries.retry(name);
		Retry planned = PlannedWait.keptBy(configured);
		this.retries.replace(name, planned);
		OverloadGuard overload = new OverloadGuard(name, new RetryBudget(this.properties.retryBudget(), this.ticker),
				new AdaptiveThrottle(this.properties.throttling(), this.ticker), this.meters);
		Bulkhead bulkhead = this.bulkheads.bulkhead(name);
		ConcurrencyLimit limit = new ConcurrencyLimit(name, this.properties.concurrencyLimit(),
				bulkhead.getBulkheadConfig().getMaxConcurrentCalls(), this.ticker::read, this.meters);
		DependencyGuard.Guards guards = new DependencyGuard.Guards(planned, PlannedWait.backoffOf(configured),
				this.circuitBreakers.circuitBreaker(name),
				() -> this.circuitBreakers.circuitBreaker(name + WRITES_BREAKER_SUFFIX), bulkhead, limit, overload);
		return new DependencyGuard(guards, dependency, this.timer, this.faults, this.sections, this.transitions,
				this.story);
	}

}
