package io.designforfailure.storefront.product;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads that fetch related items while the request thread fetches the product. */
@Configuration(proxyBeanMethods = false)
class ProductConfiguration {

	static final String RELATED_EXECUTOR = "relatedItemsExecutor";

	@Bean(RELATED_EXECUTOR)
	ThreadPoolTaskExecutor relatedItemsExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("related-");
		// As many as the recommendations bulkhead lets through; beyond that the bulkhead
		// answers at once.
		executor.setCorePoolSize(20);
		executor.setMaxPoolSize(20);
		executor.setQueueCapacity(0);
		// When every thread is busy the request thread fetches related items itself:
		// slower, never failed.
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		return executor;
	}

}
