package io.designforfailure.recommendations.history;

import io.designforfailure.catalog.Catalog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the view history already seeded, before the web server takes its first request,
 * so that no caller ever sees an empty start, not even with the database down. Once the
 * database answers, its history replaces this one (it holds the same seed, inserted once
 * by a migration, plus every recorded view).
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

	private static final Log logger = LogFactory.getLog(HistoryConfiguration.class);

	@Bean
	ViewHistory viewHistory(HistoryProperties properties, Catalog catalog) {
		ViewHistory history = new ViewHistory(properties.maxUsers(), properties.maxViewsPerUser());
		history.replaceAll(SyntheticViews.generate(catalog, properties.seed()));
		logger.info("Seeded the view history with " + properties.seed().users() + " synthetic users");
		return history;
	}

}
