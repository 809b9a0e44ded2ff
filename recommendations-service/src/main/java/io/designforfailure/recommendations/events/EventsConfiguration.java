package io.designforfailure.recommendations.events;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.recommendations.history.HistoryProperties;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the migration that seeds the synthetic views to the SQL migrations in
 * {@code db/migration}.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	FlywayConfigurationCustomizer syntheticViewsMigration(Catalog catalog, HistoryProperties history) {
		return (configuration) -> configuration.javaMigrations(new SyntheticViewsMigration(catalog, history.seed()));
	}

}
