package io.designforfailure.storefront.recommendations;

import io.designforfailure.storefront.guard.DependencyClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the recommendations-service client from its interface. */
@Configuration(proxyBeanMethods = false)
class RecommendationsConfiguration {

	@Bean
	RecommendationsClient recommendationsClient(DependencyClients clients, RecommendationsProperties properties) {
		return clients.create(RecommendationsClient.class, properties);
	}

}
