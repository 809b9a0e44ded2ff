/**
 * The guards every dependency call runs under, and the HTTP plumbing they need: timeouts
 * that bound the whole exchange, the call budget, retries with backoff and a retry
 * budget, the circuit breaker, the bulkhead, adaptive throttling, the body limit, and the
 * typed sections that say where an answer came from. Imports no feature: features use it
 * through {@link io.designforfailure.storefront.guard.DependencyGuards},
 * {@link io.designforfailure.storefront.guard.DependencyClients} and
 * {@link io.designforfailure.storefront.guard.Section}, and report to the console through
 * {@link io.designforfailure.storefront.guard.DependencyReporter}.
 */
package io.designforfailure.storefront.guard;
