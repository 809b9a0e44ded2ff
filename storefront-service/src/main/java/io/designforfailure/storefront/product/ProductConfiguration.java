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
		// As many as the recommendations bulkhead lets through; beyond that no thread
		// would get a permit.
		executor.setCorePoolSize(20);
		executor.setMaxPoolSize(20);
		// No queue: a page never waits for a thread; the controller answers without
		// related items instead.
		executor.setQueueCapacity(0);
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
		return executor;
	}

}
