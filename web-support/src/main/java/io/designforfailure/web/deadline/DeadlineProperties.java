package io.designforfailure.web.deadline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request deadlines from {@code X-Request-Timeout-Ms}.
 *
 * @param enabled whether the service reads the header and drops requests whose deadline
 * passed before any work started
 * @param max the furthest deadline a caller can set: a larger value is cut to this, so
 * that a caller cannot ask the service to hold work for ever
 */
@ConfigurationProperties("service.deadline")
public record DeadlineProperties(@DefaultValue("false") boolean enabled, @DefaultValue("30s") Duration max) {
}
