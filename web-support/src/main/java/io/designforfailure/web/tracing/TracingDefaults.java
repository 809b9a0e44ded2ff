package io.designforfailure.web.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the tracing settings every service shares ({@code tracing-defaults.properties},
 * each value with its reason) below everything else, so a service's application.yml, the
 * environment and the command line still override them.
 */
class TracingDefaults implements EnvironmentPostProcessor {

	static final String LOCATION = "io/designforfailure/web/tracing/tracing-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			new PropertiesPropertySourceLoader().load("tracing defaults (web-support)", new ClassPathResource(LOCATION))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
	}

}
