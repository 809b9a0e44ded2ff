/**
 * Who viewed what, in memory: the snapshot every recommendation is computed from, so
 * reads keep working when the database does not.
 */
package io.designforfailure.recommendations.history;
