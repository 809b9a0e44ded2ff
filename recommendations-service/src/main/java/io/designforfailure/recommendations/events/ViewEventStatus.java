package io.designforfailure.recommendations.events;

/**
 * What became of a view event: {@code accepted} (recorded now) or {@code duplicate}
 * (recorded before, under the same idempotency key).
 *
 * @param status {@code accepted} or {@code duplicate}
 */
record ViewEventStatus(String status) {

	static final ViewEventStatus ACCEPTED = new ViewEventStatus("accepted");

	static final ViewEventStatus DUPLICATE = new ViewEventStatus("duplicate");

}
