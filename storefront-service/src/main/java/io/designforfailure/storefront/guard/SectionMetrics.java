package io.designforfailure.storefront.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every section served, by dependency, source and reason, so that the share of
 * degraded answers can be graphed: {@code storefront_sections_total}.
 */
final class SectionMetrics {

	private final MeterRegistry registry;

	SectionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	<T> Section<T> served(String dependency, Section<T> section) {
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
