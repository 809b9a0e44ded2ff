/**
 * PostgreSQL guarded like any dependency: a schema migrated whenever the database first
 * answers, a statement timeout on every transaction, a breaker, and one exception that
 * becomes a 503 with {@code Retry-After}.
 */
package io.designforfailure.recommendations.database;
