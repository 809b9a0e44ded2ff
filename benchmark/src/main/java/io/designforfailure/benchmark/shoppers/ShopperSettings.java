package io.designforfailure.benchmark.shoppers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the shoppers run, read from the environment of their container.
 *
 * @param target the storefront's root URL ({@code LOAD_TARGET}, default
 * {@code http://storefront:8080}): the compose service or a loopback address, nothing
 * else
 * @param shoppers how many shoppers browse at once ({@code LOAD_SHOPPERS}, default 3, at
 * most 20)
 * @param thinkTime each shopper pauses between this and twice this before each page
 * ({@code LOAD_THINK_TIME}, default {@code 1s}, at least {@code 100ms})
 * @param duration how long they browse before stopping by themselves
 * ({@code LOAD_DURATION}, default {@code 12h}, at most {@code 7d})
 */
record ShopperSettings(URI target, int shoppers, Duration thinkTime, Duration duration) {

	/**
	 * The compose service the shoppers browse; the dependencies' own APIs are not theirs
	 * to call.
	 */
	private static final Set<String> COMPOSE_SERVICES = Set.of("storefront");

	private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[::1\\]");

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	/** A shopper more than this is no longer gentle on a laptop. */
	private static final int MAX_SHOPPERS = 20;

	/** Below this the shoppers stop being shoppers and become a benchmark. */
	private static final Duration MIN_THINK_TIME = Duration.ofMillis(100);

	/** Every load here ends by itself; a week covers any demo. */
	private static final Duration MAX_DURATION = Duration.ofDays(7);

	ShopperSettings {
		if (!"http".equals(target.getScheme()) || target.getHost() == null
				|| !(COMPOSE_SERVICES.contains(target.getHost()) || LOOPBACK.matcher(target.getHost()).matches())) {
			throw new IllegalArgumentException("LOAD_TARGET must be http:// on the compose service " + COMPOSE_SERVICES
					+ " or a loopback address, not " + target);
		}
		if (shoppers < 1 || shoppers > MAX_SHOPPERS) {
			throw new IllegalArgumentException("LOAD_SHOPPERS must be 1 to " + MAX_SHOPPERS + ", not " + shoppers);
		}
		if (thinkTime.compareTo(MIN_THINK_TIME) < 0) {
			throw new IllegalArgumentException(
					"LOAD_THINK_TIME must be at least 100ms, not " + thinkTime.toMillis() + "ms");
		}
		if (duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
			throw new IllegalArgumentException("LOAD_DURATION must be more than 0 and at most 7d");
		}
	}

	/** Reads the settings from environment variables, with the defaults above. */
	static ShopperSettings from(Map<String, String> env) {
		URI target = URI.create(env.getOrDefault("LOAD_TARGET", "http://storefront:8080"));
		String shoppers = env.getOrDefault("LOAD_SHOPPERS", "3");
		try {
			return new ShopperSettings(target, Integer.parseInt(shoppers.trim()),
					duration("LOAD_THINK_TIME", env.getOrDefault("LOAD_THINK_TIME", "1s")),
					duration("LOAD_DURATION", env.getOrDefault("LOAD_DURATION", "12h")));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("LOAD_SHOPPERS must be a number, not '" + shoppers + "'");
		}
	}

	private static Duration duration(String name, String value) {
		Matcher matcher = DURATION.matcher(value.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					name + " must be a number and a unit (ms, s, m, h, d) such as 1s, not '" + value + "'");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

}
