package io.designforfailure.storefront.guard;

import java.time.Duration;

/** An attempt outlived its time limit and its exchange was aborted. */
public final class AttemptTimedOutException extends RuntimeException {

	AttemptTimedOutException(Duration limit, Throwable cause) {
		super("No complete answer within " + limit.toMillis() + " ms", cause, false, false);
	}

}
