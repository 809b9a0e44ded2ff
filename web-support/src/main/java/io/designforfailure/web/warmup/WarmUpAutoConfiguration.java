package io.designforfailure.web.warmup;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Warms the service up before it is ready when {@code service.warm-up.enabled} is set; a
 * context without a web server (a mock MVC test) has nothing to warm.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "service.warm-up", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(WarmUpProperties.class)
public class WarmUpAutoConfiguration {

	@Bean
	WarmUp warmUp(WarmUpProperties properties, ApplicationContext context) {
		return new WarmUp(properties, context);
	}

}
