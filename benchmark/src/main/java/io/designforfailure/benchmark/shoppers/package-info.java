/**
 * The load generator of {@code docker compose --profile load up}: a few simulated
 * shoppers browsing the storefront at a gentle rate, so the dashboards move without
 * anyone clicking and stopping a dependency shows at once.
 */
package io.designforfailure.benchmark.shoppers;
