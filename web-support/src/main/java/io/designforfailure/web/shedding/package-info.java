/**
 * Adaptive load shedding: an adaptive concurrency limit (Netflix concurrency-limits) on
 * {@code /api/*} that answers a request over the limit at once with 503 and
 * {@code Retry-After}, so the service protects itself instead of getting slow for
 * everyone. Actuator is never shed.
 */
@NonNullApi
package io.designforfailure.web.shedding;

import org.springframework.lang.NonNullApi;
