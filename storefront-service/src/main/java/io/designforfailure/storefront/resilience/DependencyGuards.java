package io.designforfailure.storefront.resilience;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.designforfailure.storefront.http.DependencyProperties;
import io.designforfailure.storefront.http.ExchangeTimer;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.stereotype.Component;

/**
 * Hands each dependency its own guards, one Resilience4j instance of each kind named
 * after the dependency and configured in application.yml, never shared.
 */
@Component
public class DependencyGuards {

	private final RetryRegistry retries;

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	private final ExchangeTimer timer;

	private final Faults faults;

	private final Map<String, DependencyGuard> guards = new ConcurrentHashMap<>();

	DependencyGuards(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			ExchangeTimer timer, Clock clock) {
		this.retries = retries;
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
		this.timer = timer;
		this.faults = new Faults(clock);
	}

	public DependencyGuard guard(String dependency, DependencyProperties properties) {
		return this.guards.computeIfAbsent(dependency,
				(name) -> new DependencyGuard(name, this.retries.retry(name), this.circuitBreakers.circuitBreaker(name),
						this.bulkheads.bulkhead(name), this.timer, this.faults, properties));
	}

}
