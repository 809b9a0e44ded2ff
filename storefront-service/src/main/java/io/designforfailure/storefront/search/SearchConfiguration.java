package io.designforfailure.storefront.search;

import io.designforfailure.storefront.guard.DependencyClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the search-service client from its interface. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean
	SearchClient searchClient(DependencyClients clients, SearchProperties properties) {
		return clients.create(SearchClient.class, properties);
	}

}
