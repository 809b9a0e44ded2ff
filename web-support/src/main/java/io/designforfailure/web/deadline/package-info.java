/**
 * Request deadlines: a caller says in {@code X-Request-Timeout-Ms} how long it will still
 * wait, the service turns that into a local deadline on arrival, drops a request whose
 * deadline has already passed before any work, and lets the work stop where it can.
 */
@NonNullApi
package io.designforfailure.web.deadline;

import org.springframework.lang.NonNullApi;
