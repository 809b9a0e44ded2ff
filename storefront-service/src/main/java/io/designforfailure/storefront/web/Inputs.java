package io.designforfailure.storefront.web;

import java.util.regex.Pattern;

import io.designforfailure.catalog.Catalog;

import org.springframework.lang.Nullable;

/** Checks what shoppers send before any dependency sees it. */
public final class Inputs {

	/** Long enough for any real query, short enough that nobody searches with a novel. */
	public static final int MAX_QUERY_LENGTH = 200;

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private Inputs() {
	}

	/** The query, trimmed. */
	public static String query(@Nullable String q) {
		if (q == null) {
			throw new InvalidInputException("q", "Query parameter 'q' is required");
		}
		String query = q.trim();
		if (query.isEmpty()) {
			throw new InvalidInputException("q", "Query parameter 'q' must not be blank");
		}
		if (query.length() > MAX_QUERY_LENGTH) {
			throw new InvalidInputException("q",
					"Query parameter 'q' must be at most " + MAX_QUERY_LENGTH + " characters after trimming");
		}
		return query;
	}

	/** The user id, or {@code null} for an anonymous visitor. */
	@Nullable
	public static String userId(@Nullable String userId) {
		if (userId == null) {
			return null;
		}
		if (!USER_ID.matcher(userId).matches()) {
			throw new InvalidInputException("userId",
					"Query parameter 'userId' must be 1 to 64 letters, digits or . _ @ -");
		}
		return userId;
	}

	public static String productId(String id) {
		if (!Catalog.isWellFormedId(id)) {
			throw new InvalidInputException("id", "Product id must look like p-0042");
		}
		return id;
	}

}
