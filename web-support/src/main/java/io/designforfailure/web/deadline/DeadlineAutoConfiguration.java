package io.designforfailure.web.deadline;

import io.designforfailure.web.ProblemResponses;
import io.designforfailure.web.ProblemsAutoConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Reads {@code X-Request-Timeout-Ms} on {@code /api/*} when
 * {@code service.deadline.enabled} is set; actuator requests carry no deadline.
 */
@AutoConfiguration(after = ProblemsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "service.deadline", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineAutoConfiguration {

	/**
	 * After Spring's observation filter, so a dropped request still shows in
	 * {@code http_server_requests}; before the load shedder, so it never takes a slot.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/** Requests dropped because their caller had stopped waiting. */
	public static final String ABANDONED = "http.requests.abandoned";

	@Bean
	FilterRegistrationBean<DeadlineFilter> deadlineFilter(DeadlineProperties properties, ProblemResponses problems,
			MeterRegistry registry) {
		Counter abandoned = Counter.builder(ABANDONED)
			.description("Requests dropped before any work because their deadline had passed")
			.register(registry);
		FilterRegistrationBean<DeadlineFilter> registration = new FilterRegistrationBean<>(
				new DeadlineFilter(properties.max(), System::nanoTime, problems, abandoned));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(ORDER);
		return registration;
	}

}
