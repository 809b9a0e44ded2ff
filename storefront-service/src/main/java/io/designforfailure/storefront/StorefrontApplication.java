package io.designforfailure.storefront;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The storefront: the only public entry point, which keeps serving whatever its
 * dependencies do.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StorefrontApplication {

	public static void main(String[] args) {
		SpringApplication.run(StorefrontApplication.class, args);
	}

}
