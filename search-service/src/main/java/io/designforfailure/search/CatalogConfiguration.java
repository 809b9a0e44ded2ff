package io.designforfailure.search;

import io.designforfailure.catalog.Catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the shared catalog once, so the index and the product lookup read the same data.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	Catalog catalog() {
		return Catalog.load();
	}

}
