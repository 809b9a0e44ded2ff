/**
 * View events: recorded exactly once per idempotency key in PostgreSQL, mirrored into the
 * in-memory history, and read back per user.
 */
package io.designforfailure.recommendations.events;
