package io.designforfailure.recommendations.events;

import io.designforfailure.web.ProductId;
import io.designforfailure.web.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * A product view as a client reports it. Two requests with one idempotency key are the
 * same view only if these values are equal.
 *
 * @param userId who viewed
 * @param productId what they viewed
 */
record ViewEvent(@NotNull(message = "is required") @UserId String userId,
		@NotNull(message = "is required") @ProductId String productId) {
}
