package io.designforfailure.storefront.guard;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/** A response body grew past the limit; the rest of it was never read. */
public final class BodyTooLargeException extends IOException {

	BodyTooLargeException(DataSize limit) {
		super("Response body exceeds " + limit.toBytes() + " bytes");
	}

}
