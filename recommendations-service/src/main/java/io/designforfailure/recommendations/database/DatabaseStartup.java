package io.designforfailure.recommendations.database;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Migrates the schema and loads the snapshot as soon as the database answers: once before
 * the service takes requests, then in the background until it succeeds. A database that
 * is down at start therefore never stops the service from starting and serving reads.
 */
@Component
class DatabaseStartup implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DatabaseStartup.class);

	private final Flyway flyway;

	private final DatabaseGuard guard;

	private final DatabaseProperties properties;

	private final ObjectProvider<SchemaReadyListener> listeners;

	private boolean warned;

	DatabaseStartup(Flyway flyway, DatabaseGuard guard, DatabaseProperties properties,
			ObjectProvider<SchemaReadyListener> listeners) {
		this.flyway = flyway;
		this.guard = guard;
		this.properties = properties;
		this.listeners = listeners;
	}

	@Override
	public void afterSingletonsInstantiated() {
		prepare();
	}

	@Scheduled(fixedDelayString = "${recommendations.database.preparation-interval}")
	synchronized void prepare() {
		if (this.guard.isReady()) {
			return;
		}
		try {
			this.flyway.migrate();
			List<SchemaReadyListener> all = this.listeners.orderedStream().toList();
			this.guard.prepare(this.properties.snapshotTimeout(), (jdbc) -> {
				all.forEach((listener) -> listener.schemaReady(jdbc));
				return null;
			});
			this.guard.markReady();
			logger.info("The database is ready: schema migrated, snapshot loaded, views are recorded");
		}
		catch (RuntimeException ex) {
			if (!this.warned) {
				logger.warn("The database is not ready (" + ex.getMessage() + "); recommendations come from the "
						+ "in-memory history, views are refused with 503; trying again every "
						+ this.properties.preparationInterval().toSeconds() + " s");
				this.warned = true;
			}
		}
	}

}
