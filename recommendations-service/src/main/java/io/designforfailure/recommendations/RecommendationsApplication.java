package io.designforfailure.recommendations;

import io.designforfailure.catalog.Catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Recommends products from who viewed what, and records the views that feed it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RecommendationsApplication {

	public static void main(String[] args) {
		SpringApplication.run(RecommendationsApplication.class, args);
	}

	@Bean
	Catalog catalog() {
		return Catalog.load();
	}

}
