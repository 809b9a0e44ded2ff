package io.designforfailure.recommendations.events;

import java.util.List;

import io.designforfailure.recommendations.database.SchemaReadyListener;
import io.designforfailure.recommendations.history.View;
import io.designforfailure.recommendations.history.ViewHistory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replaces the in-memory history with every view the database holds, in the order they
 * were recorded, before the service takes writes; from then on each write updates both.
 */
@Component
class SnapshotLoader implements SchemaReadyListener {

	private static final Log logger = LogFactory.getLog(SnapshotLoader.class);

	private final ViewHistory history;

	SnapshotLoader(ViewHistory history) {
		this.history = history;
	}

	@Override
	public void schemaReady(JdbcClient jdbc) {
		List<View> views = jdbc.sql("SELECT user_id, product_id FROM view_events ORDER BY id")
			.query((row, number) -> new View(row.getString("user_id"), row.getString("product_id")))
			.list();
		this.history.replaceAll(views);
		logger.info("Loaded the snapshot of " + views.size() + " views from the database");
	}

}
