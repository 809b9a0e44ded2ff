package io.designforfailure.storefront.recommendations;

/**
 * A view and the idempotency key of its first attempt, kept together so every redelivery
 * is recognised as the same view.
 *
 * @param view the view
 * @param idempotencyKey the key of its first attempt
 */
record PendingView(ViewEvent view, String idempotencyKey) {
}
