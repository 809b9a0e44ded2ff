package io.designforfailure.storefront.recommendations;

import io.designforfailure.storefront.guard.Origin;

/**
 * A view, the idempotency key of its first attempt and the page that recorded it, kept
 * together so every redelivery is recognised as the same view and shows in that page's
 * trace.
 *
 * @param view the view
 * @param idempotencyKey the key of its first attempt
 * @param origin the product page's request, whose trace every delivery continues
 */
record PendingView(ViewEvent view, String idempotencyKey, Origin origin) {
}
