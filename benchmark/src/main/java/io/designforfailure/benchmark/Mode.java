package io.designforfailure.benchmark;

import java.util.List;

/**
 * The two storefronts under test: the same jar, with its guards as configured or switched
 * off.
 */
public enum Mode {

	GUARDED("guarded", List.of()), NAIVE("naive", List.of("--spring.profiles.active=naive"));

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
