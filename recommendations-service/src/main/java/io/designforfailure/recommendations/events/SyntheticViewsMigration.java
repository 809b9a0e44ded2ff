package io.designforfailure.recommendations.events;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.recommendations.history.HistoryProperties;
import io.designforfailure.recommendations.history.SyntheticViews;
import io.designforfailure.recommendations.history.View;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Inserts the synthetic users' views once, as version 2 of the schema, so a fresh
 * database already has popular items and co-views, and a restart never adds them again.
 */
class SyntheticViewsMigration implements JavaMigration {

	private final Catalog catalog;

	private final HistoryProperties.Seed seed;

	SyntheticViewsMigration(Catalog catalog, HistoryProperties.Seed seed) {
		this.catalog = catalog;
		this.seed = seed;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2");
	}

	@Override
	public String getDescription() {
		return "synthetic views";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		try (PreparedStatement insert = context.getConnection()
			.prepareStatement("INSERT INTO view_events (user_id, product_id, viewed_at) VALUES (?, ?, ?)")) {
			Timestamp now = Timestamp.from(Instant.now());
			for (View view : SyntheticViews.generate(this.catalog, this.seed)) {
				insert.setString(1, view.userId());
				insert.setString(2, view.productId());
				insert.setTimestamp(3, now);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

}
