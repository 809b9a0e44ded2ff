package io.designforfailure.recommendations.database;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work that must be done once the schema is migrated and before the database takes
 * writes, such as loading the in-memory snapshot; a failure makes the whole preparation
 * try again later.
 */
public interface SchemaReadyListener {

	void schemaReady(JdbcClient jdbc);

}
