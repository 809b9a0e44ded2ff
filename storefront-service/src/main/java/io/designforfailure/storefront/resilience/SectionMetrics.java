package io.designforfailure.storefront.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts every section served, by dependency, source and reason, so that the share of
 * degraded answers can be graphed: {@code storefront_sections_total}.
 */
@Component
public class SectionMetrics {

	private final MeterRegistry registry;

	SectionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public <T> Section<T> served(String dependency, Section<T> section) {
		Counter.builder("storefront.sections")
			.description("Sections served, by where their data came from")
			.tag("dependency", dependency)
			.tag("source", section.source().value())
			.tag("reason", (section.reason() != null) ? section.reason().value() : "none")
			.register(this.registry)
			.increment();
		return section;
	}

}
