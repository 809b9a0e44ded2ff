package io.designforfailure.recommendations.database;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes the schema migration away from start-up, where a database that is down would stop
 * the service from starting: {@link DatabaseStartup} migrates whenever the database
 * answers.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	FlywayMigrationStrategy migrateWhenTheDatabaseAnswers() {
		return (flyway) -> {
		};
	}

}
