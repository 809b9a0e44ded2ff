package io.designforfailure.web.warmup;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests a service sends itself after its port opens and before it is ready.
 *
 * @param enabled whether the service warms up
 * @param paths what to ask, each a path and query answered by {@code GET}; ask only what
 * changes nothing
 * @param rounds how many times each path is asked
 * @param timeLimit the longest warm-up: a service that cannot warm up within this is
 * ready anyway, cold
 */
@ConfigurationProperties("service.warm-up")
public record WarmUpProperties(@DefaultValue("false") boolean enabled, @DefaultValue List<String> paths,
		@DefaultValue("100") int rounds, @DefaultValue("10s") Duration timeLimit) {
}
