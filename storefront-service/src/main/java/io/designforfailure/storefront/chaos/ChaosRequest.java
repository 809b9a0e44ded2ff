package io.designforfailure.storefront.chaos;

import org.springframework.lang.Nullable;

/**
 * What the console asks for one dependency.
 *
 * @param mode {@code latency}, {@code errors} or {@code off}
 * @param latencyMs the delay added to every call, for {@code latency} only
 */
record ChaosRequest(@Nullable String mode, @Nullable Integer latencyMs) {
}
