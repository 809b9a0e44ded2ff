/**
 * Recommendations for a user and products related to a product, computed from the
 * in-memory history alone.
 */
package io.designforfailure.recommendations.recommend;
