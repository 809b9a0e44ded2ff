package io.designforfailure.storefront.guard;

import java.net.URI;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

/** The transport settings every dependency of the storefront has. */
public interface DependencyProperties {

	/**
	 * The dependency's name: that of the Resilience4j instances that guard it, and the
	 * one metrics and the console show.
	 */
	String name();

	URI baseUrl();

	/** How long to wait for a TCP connection. */
	Duration connectTimeout();

	/** How long one attempt may take, headers and body together. */
	Duration responseTimeout();

	/** How long one call may take, every attempt and backoff included. */
	Duration budget();

	/** The largest response body read before the answer is cut off as unusable. */
	DataSize maxBodySize();

}
