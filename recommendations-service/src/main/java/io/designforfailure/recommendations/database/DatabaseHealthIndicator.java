package io.designforfailure.recommendations.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database in health details, without turning the service DOWN: reads are served from
 * memory whatever the database does, so a restart or a removal from the load balancer
 * would only make things worse.
 */
@Component
class DatabaseHealthIndicator implements HealthIndicator {

	private final DataSource dataSource;

	private final DatabaseGuard guard;

	DatabaseHealthIndicator(DataSource dataSource, DatabaseGuard guard) {
		this.dataSource = dataSource;
		this.guard = guard;
	}

	@Override
	public Health health() {
		boolean reachable = reachable();
		boolean writes = reachable && this.guard.isReady();
		return Health.up()
			.withDetail("reachable", reachable)
			.withDetail("schema", this.guard.isReady() ? "migrated" : "pending")
			.withDetail("breaker", this.guard.breakerState().name())
			.withDetail("reads", "served from the in-memory snapshot")
			.withDetail("writes", writes ? "recorded" : "refused with 503 and Retry-After")
			.build();
	}

	private boolean reachable() {
		// The pool's connection timeout bounds this call.
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(1);
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
