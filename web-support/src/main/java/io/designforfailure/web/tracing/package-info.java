/**
 * One trace across the services, alike in each: Micrometer Tracing on Brave, W3C
 * {@code traceparent} propagation, export to Zipkin off the request path (a bounded
 * queue; spans dropped and counted, an unreachable viewer logged once per outage), the
 * trace id in every log line and in the {@code X-Trace-Id} response header, and the
 * defaults they share ({@code tracing-defaults.properties}).
 */
@NonNullApi
package io.designforfailure.web.tracing;

import org.springframework.lang.NonNullApi;
