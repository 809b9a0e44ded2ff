package io.designforfailure.storefront.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.designforfailure.storefront.guard.DegradedAnswers;
import io.designforfailure.storefront.guard.DegradedAnswers.DegradedAnswer;
import io.designforfailure.storefront.guard.DependencyGuard;
import io.designforfailure.storefront.guard.DependencyGuards;
import io.designforfailure.storefront.guard.DependencyReporter;
import io.designforfailure.storefront.guard.GuardReport;
import io.designforfailure.storefront.guard.SharedCache;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The true state of every guard, per dependency, read from the guards themselves, with
 * what each feature reports of its dependency beside it.
 */
@RestController
class ResilienceController {

	private final DependencyGuards guards;

	private final SharedCache sharedCache;

	private final List<DependencyReporter> reporters;

	private final DegradedAnswers degraded;

	private final TracesProperties traces;

	ResilienceController(DependencyGuards guards, SharedCache sharedCache, List<DependencyReporter> reporters,
			DegradedAnswers degraded, TracesProperties traces) {
		this.guards = guards;
		this.sharedCache = sharedCache;
		this.reporters = reporters;
		this.degraded = degraded;
		this.traces = traces;
	}

	@GetMapping("/api/resilience")
	ResilienceReport report() {
		Map<String, DependencyReport> dependencies = new TreeMap<>();
		for (DependencyGuard guard : this.guards.all()) {
			dependencies.put(guard.name(), new DependencyReport(guard.report(), details(guard.name())));
		}
		this.sharedCache.report()
			.ifPresent((redis) -> dependencies.put(redis.name(),
					new DependencyReport(redis.report(), details(redis.name()))));
		return new ResilienceReport(dependencies, this.degraded.latest(), this.traces.viewer());
	}

	private Map<String, Object> details(String dependency) {
		Map<String, Object> details = new HashMap<>();
		this.reporters.stream()
			.filter((reporter) -> reporter.dependency().equals(dependency))
			.forEach((reporter) -> details.putAll(reporter.details()));
		return details;
	}

	/**
	 * Every dependency's report, by name, and the latest degraded answers.
	 *
	 * @param dependencies the reports
	 * @param degraded the latest degraded answers, newest first, with their attempts and
	 * trace ids
	 * @param traceViewer where a trace opens: this address followed by its id
	 */
	record ResilienceReport(Map<String, DependencyReport> dependencies, List<DegradedAnswer> degraded,
			String traceViewer) {
	}

	/**
	 * One dependency: its guards, and what the features that call it report.
	 *
	 * @param guards breaker, bulkhead, retries, overload and transitions
	 * @param details figures such as the fallback's size, by name
	 */
	record DependencyReport(@JsonUnwrapped GuardReport guards, Map<String, Object> details) {
	}

}
