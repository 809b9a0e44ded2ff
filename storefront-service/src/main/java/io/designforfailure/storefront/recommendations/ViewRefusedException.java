package io.designforfailure.storefront.recommendations;

/**
 * recommendations-service refused a view outright (a 4xx other than 429): sending it
 * again would never succeed, so it is dropped and counted instead of kept.
 */
class ViewRefusedException extends RuntimeException {

	ViewRefusedException(String message, Throwable cause) {
		super(message, cause, false, false);
	}

}
