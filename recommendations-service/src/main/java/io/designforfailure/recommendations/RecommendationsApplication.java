package io.designforfailure.recommendations;

import java.time.Clock;

import io.designforfailure.catalog.Catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Recommends products from who viewed what, and records the views that feed it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RecommendationsApplication {

	public static void main(String[] args) {
		SpringApplication.run(RecommendationsApplication.class, args);
	}

	@Bean
	Catalog catalog() {
		return Catalog.load();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
