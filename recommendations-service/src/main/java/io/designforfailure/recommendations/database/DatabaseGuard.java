package io.designforfailure.recommendations.database;

import java.time.Duration;
import java.util.function.Function;

import io.designforfailure.web.deadline.RequestDeadline;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in to the database: every call is a transaction with a statement timeout,
 * behind the {@code database} breaker, and every way the database can fail to answer ends
 * as a {@link DatabaseUnavailableException}, never a hang and never a 500.
 */
@Component
public class DatabaseGuard {

	static final String BREAKER = "database";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CircuitBreaker breaker;

	private final DatabaseProperties properties;

	private volatile boolean ready;

	DatabaseGuard(JdbcClient jdbc, PlatformTransactionManager transactionManager, CircuitBreakerRegistry breakers,
			DatabaseProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.breaker = breakers.circuitBreaker(BREAKER);
		this.properties = properties;
	}

	/**
	 * Runs the work in one transaction whose statements may each run for the
	 * {@linkplain #statementTimeout() statement timeout}.
	 * @throws DatabaseUnavailableException if the schema is not ready yet, the breaker is
	 * open, or the database fails to answer in time
	 */
	public <T> T inTransaction(Function<JdbcClient, T> work) {
		if (!this.ready) {
			throw unavailable("The database has not answered since this service started", null);
		}
		return guarded(statementTimeout(), work);
	}

	/** Whether the schema is migrated and the snapshot loaded, so writes are taken. */
	public boolean isReady() {
		return this.ready;
	}

	/**
	 * How long each statement of the current request may run: the configured timeout, or
	 * less when the caller will not wait that long ({@code X-Request-Timeout-Ms}).
	 */
	Duration statementTimeout() {
		Duration configured = this.properties.statementTimeout();
		Duration remaining = RequestDeadline.current().remainingOr(configured);
		Duration timeout = (remaining.compareTo(configured) < 0) ? remaining : configured;
		// PostgreSQL reads 0 as no timeout at all: a request out of time gets the
		// shortest.
		return (timeout.toMillis() < 1) ? Duration.ofMillis(1) : timeout;
	}

	CircuitBreaker.State breakerState() {
		return this.breaker.getState();
	}

	/** Work done before the service takes writes, with a timeout of its own. */
	<T> T prepare(Duration timeout, Function<JdbcClient, T> work) {
		return guarded(timeout, work);
	}

	void markReady() {
		this.ready = true;
	}

	private <T> T guarded(Duration timeout, Function<JdbcClient, T> work) {
		try {
			return this.breaker.executeSupplier(() -> this.transactions.execute((status) -> {
				// Local to this transaction, so a pooled connection never keeps another's
				// limit.
				this.jdbc.sql("SELECT set_config('statement_timeout', ?, true)")
					.param(timeout.toMillis() + "ms")
					.query(String.class)
					.single();
				return work.apply(this.jdbc);
			}));
		}
		catch (CallNotPermittedException ex) {
			throw unavailable("The database failed repeatedly; its breaker is open", ex);
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException | RecoverableDataAccessException
				| TransactionException ex) {
			throw unavailable("The database did not answer in time", ex);
		}
	}

	private DatabaseUnavailableException unavailable(String detail, Throwable cause) {
		return new DatabaseUnavailableException(detail, this.properties.retryAfter(), cause);
	}

}
