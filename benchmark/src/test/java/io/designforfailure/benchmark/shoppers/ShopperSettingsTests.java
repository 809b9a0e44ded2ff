package io.designforfailure.benchmark.shoppers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShopperSettingsTests {

	@Test
	void withoutSettingsThreeShoppersBrowseTheComposeStorefrontGently() {
		ShopperSettings settings = ShopperSettings.from(Map.of());
		assertThat(settings.target()).isEqualTo(URI.create("http://storefront:8080"));
		assertThat(settings.shoppers()).isEqualTo(3);
		assertThat(settings.thinkTime()).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.duration()).isEqualTo(Duration.ofHours(12));
	}

	@Test
	void readsEverySettingFromTheEnvironment() {
		ShopperSettings settings = ShopperSettings.from(Map.of("LOAD_TARGET", "http://127.0.0.1:18080", "LOAD_SHOPPERS",
				"5", "LOAD_THINK_TIME", "250ms", "LOAD_DURATION", "10m"));
		assertThat(settings).isEqualTo(new ShopperSettings(URI.create("http://127.0.0.1:18080"), 5,
				Duration.ofMillis(250), Duration.ofMinutes(10)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://storefront:8080", "http://localhost:8080", "http://127.0.0.1:18080",
			"http://127.1.2.3:8080", "http://[::1]:8080" })
	void acceptsTheComposeStorefrontAndLoopback(String target) {
		assertThat(ShopperSettings.from(Map.of("LOAD_TARGET", target)).target()).isEqualTo(URI.create(target));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://example.com", "http://10.0.0.1:8080", "http://192.168.1.10:8080",
			"http://127.0.0.1.example.com:8080", "http://storefront.example.com:8080", "http://search:8082",
			"https://storefront:8080", "http://0.0.0.0:8080" })
	void refusesEveryOtherTarget(String target) {
		assertThatIllegalArgumentException().isThrownBy(() -> ShopperSettings.from(Map.of("LOAD_TARGET", target)))
			.withMessageContaining("LOAD_TARGET")
			.withMessageContaining(target);
	}

	@ParameterizedTest
	@ValueSource(strings = { "21", "0", "many" })
	void refusesMoreShoppersThanAGentleLoad(String shoppers) {
		assertRefused("LOAD_SHOPPERS", shoppers);
	}

	@Test
	void refusesAThinkTimeThatTurnsShoppersIntoABenchmark() {
		assertRefused("LOAD_THINK_TIME", "10ms");
	}

	@Test
	void refusesDurationsWithoutAUnitAndLoadsThatNeverEnd() {
		assertRefused("LOAD_THINK_TIME", "1");
		assertRefused("LOAD_DURATION", "0s");
		assertRefused("LOAD_DURATION", "8d");
	}

	private static void assertRefused(String variable, String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> ShopperSettings.from(Map.of(variable, value)))
			.withMessageContaining(variable);
	}

}
