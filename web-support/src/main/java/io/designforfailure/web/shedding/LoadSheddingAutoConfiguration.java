package io.designforfailure.web.shedding;

import java.util.EnumMap;
import java.util.Map;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.designforfailure.web.ProblemResponses;
import io.designforfailure.web.ProblemsAutoConfiguration;
import io.designforfailure.web.deadline.DeadlineAutoConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Sheds load on {@code /api/*} when {@code service.load-shedding.enabled} is set and
 * concurrency-limits is on the class path; actuator is outside the filter's paths, so
 * health and metrics answer however loaded the service is.
 */
@AutoConfiguration(after = ProblemsAutoConfiguration.class)
@ConditionalOnClass(SimpleLimiter.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "service.load-shedding", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(LoadSheddingProperties.class)
public class LoadSheddingAutoConfiguration {

	/** The limit in force now, per kind of work (tag {@code work}: reads, writes). */
	public static final String LIMIT = "http.concurrency.limit";

	/** Requests holding a slot of their limit now, per kind of work. */
	public static final String IN_FLIGHT = "http.concurrency.in.flight";

	/** Requests answered with 503 because their limit was reached, per kind of work. */
	public static final String SHED = "http.requests.shed";

	/** The tag that says which limit a metric is of. */
	public static final String WORK_TAG = "work";

	@Bean
	FilterRegistrationBean<LoadSheddingFilter> loadSheddingFilter(LoadSheddingProperties properties,
			ProblemResponses problems, MeterRegistry registry) {
		Map<Work, Limiter<Void>> limiters = new EnumMap<>(Work.class);
		Map<Work, Counter> shed = new EnumMap<>(Work.class);
		for (Work work : Work.values()) {
			SimpleLimiter<Void> limiter = SimpleLimiter.newBuilder()
				.named("api-" + work.tag())
				.limit(limit(properties))
				.build();
			Gauge.builder(LIMIT, limiter, SimpleLimiter::getLimit)
				.description("Concurrent requests the adaptive limit allows now")
				.tag(WORK_TAG, work.tag())
				.register(registry);
			Gauge.builder(IN_FLIGHT, limiter, SimpleLimiter::getInflight)
				.description("Requests holding a slot of the concurrency limit")
				.tag(WORK_TAG, work.tag())
				.register(registry);
			shed.put(work,
					Counter.builder(SHED)
						.description("Requests answered with 503 at once because the concurrency limit was reached")
						.tag(WORK_TAG, work.tag())
						.register(registry));
			limiters.put(work, limiter);
		}
		FilterRegistrationBean<LoadSheddingFilter> registration = new FilterRegistrationBean<>(
				new LoadSheddingFilter(limiters, problems, shed));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(DeadlineAutoConfiguration.ORDER + 1);
		return registration;
	}

	private static Limit limit(LoadSheddingProperties properties) {
		return switch (properties.limit()) {
			case GRADIENT2 -> Gradient2Limit.newBuilder()
				.initialLimit(properties.initialLimit())
				.minLimit(properties.minLimit())
				.maxConcurrency(properties.maxLimit())
				.build();
			case VEGAS -> VegasLimit.newBuilder()
				.initialLimit(properties.initialLimit())
				.maxConcurrency(properties.maxLimit())
				.build();
		};
	}

}
