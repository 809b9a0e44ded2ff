package io.designforfailure.storefront.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a person opens a trace: the viewer's page for one trace, to which its id is
 * appended. Only links use it; the services export to the collector address
 * {@code management.zipkin.tracing.endpoint} names.
 *
 * @param viewer the address of a trace in the viewer, without its id
 */
@ConfigurationProperties("storefront.traces")
record TracesProperties(String viewer) {
}
