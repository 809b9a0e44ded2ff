package io.designforfailure.search;

import io.designforfailure.catalog.Catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Full-text product search over the shared catalog, one of the storefront's unreliable
 * dependencies.
 */
@SpringBootApplication
public class SearchApplication {

	public static void main(String[] args) {
		SpringApplication.run(SearchApplication.class, args);
	}

	/**
	 * The catalog, loaded once so the index and the product lookup read the same data;
	 * declared here so that every test slice has it too.
	 */
	@Bean
	Catalog catalog() {
		return Catalog.load();
	}

}
