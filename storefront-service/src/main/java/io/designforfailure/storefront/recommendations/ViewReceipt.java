package io.designforfailure.storefront.recommendations;

/**
 * recommendations-service's receipt for a view: {@code accepted} or {@code duplicate}.
 *
 * @param status what happened to the view
 */
record ViewReceipt(String status) {

}
