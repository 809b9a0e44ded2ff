package io.designforfailure.benchmark;

import java.util.List;

/**
 * The storefronts under test: the same jar with its guards as configured, switched off,
 * or set as the configurations people copy are (the storefront's Spring profiles of those
 * names, in its application.yml).
 */
public enum Mode {

	GUARDED("guarded", List.of()),

	NAIVE("naive", List.of("--spring.profiles.active=naive")),

	/** Resilience4j's library defaults. */
	RESILIENCE4J_DEFAULTS("resilience4j-defaults", List.of("--spring.profiles.active=resilience4j-defaults")),

	/** spring-petclinic-microservices' settings. */
	PETCLINIC("petclinic", List.of("--spring.profiles.active=petclinic"));

	private final String label;

	private final List<String> arguments;

	Mode(String label, List<String> arguments) {
		this.label = label;
		this.arguments = arguments;
	}

	public String label() {
		return this.label;
	}

	public List<String> arguments() {
		return this.arguments;
	}

}
