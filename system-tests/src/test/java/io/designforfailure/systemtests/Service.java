package io.designforfailure.systemtests;

import java.util.Locale;

/** The three services of the system, by the module that builds each one's jar. */
enum Service {

	SEARCH("search-service"), RECOMMENDATIONS("recommendations-service"), STOREFRONT("storefront-service");

	private final String module;

	Service(String module) {
		this.module = module;
	}

	String module() {
		return this.module;
	}

	/** The name the storefront's guards, breakers and metrics use for this dependency. */
	String dependency() {
		return name().toLowerCase(Locale.ROOT);
	}

}
