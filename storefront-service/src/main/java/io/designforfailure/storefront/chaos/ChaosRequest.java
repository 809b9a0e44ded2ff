package io.designforfailure.storefront.chaos;

import org.springframework.lang.Nullable;

/**
 * What the console asks for one dependency.
 *
 * @param mode {@code latency}, {@code errors} or {@code off}
 * @param latencyMs the delay added to every call, for {@code latency} only
 * @param everyNth which calls are attacked, for {@code latency} and {@code errors}: every
 * one (1, the default), every second (2) and so on
 */
record ChaosRequest(@Nullable String mode, @Nullable Integer latencyMs, @Nullable Integer everyNth) {
}
