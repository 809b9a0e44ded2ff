/**
 * A service that answers its own requests before it says it is ready, so its first
 * callers meet a warm JVM.
 */
@NonNullApi
package io.designforfailure.web.warmup;

import org.springframework.lang.NonNullApi;
