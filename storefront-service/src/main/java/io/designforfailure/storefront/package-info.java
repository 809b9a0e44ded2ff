/**
 * The storefront: the only public entry point, which keeps serving whatever its
 * dependencies do. Each sub-package is one feature; only the pages ({@code home},
 * {@code product}) combine features, and the shared machinery lives in {@code guard}.
 */
package io.designforfailure.storefront;
