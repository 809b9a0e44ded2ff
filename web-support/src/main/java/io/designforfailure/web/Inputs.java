package io.designforfailure.web;

import java.util.regex.Pattern;

import io.designforfailure.catalog.Catalog;

import org.springframework.lang.Nullable;

/**
 * The input rules every service applies alike, written once: a query, a user id, a
 * product id. A broken rule is a 400 {@link FieldProblem} naming the field.
 */
public final class Inputs {

	/** Long enough for any real query, short enough that nobody searches with a novel. */
	public static final int MAX_QUERY_LENGTH = 200;

	/**
	 * Short and free of characters that would need escaping in a URL or a log line; an
	 * e-mail address fits.
	 */
	public static final String USER_ID_PATTERN = "[A-Za-z0-9._@-]{1,64}";

	/** What {@link #USER_ID_PATTERN} asks for, in words. */
	public static final String USER_ID_RULE = "must be 1-64 characters of letters, digits, '.', '_', '@' or '-'";

	/** What {@link Catalog#isWellFormedId} asks for, in words. */
	public static final String PRODUCT_ID_RULE = "must look like p-0042";

	private static final Pattern USER_ID = Pattern.compile(USER_ID_PATTERN);

	private Inputs() {
	}

	/** The query {@code q}, trimmed: present, not blank, at most 200 characters. */
	public static String query(@Nullable String q) {
		if (q == null) {
			throw FieldProblem.badRequest("q", "q is required");
		}
		String query = q.strip();
		if (query.isEmpty()) {
			throw FieldProblem.badRequest("q", "q must not be blank");
		}
		if (query.length() > MAX_QUERY_LENGTH) {
			throw FieldProblem.badRequest("q", "q must be at most " + MAX_QUERY_LENGTH + " characters after trimming");
		}
		return query;
	}

	/** The user id {@code userId}, or {@code null} for an anonymous visitor. */
	@Nullable
	public static String userId(@Nullable String userId) {
		if (userId != null && !USER_ID.matcher(userId).matches()) {
			throw FieldProblem.badRequest("userId", "userId " + USER_ID_RULE);
		}
		return userId;
	}

	/** The product id {@code id}, well formed by the catalog's rule. */
	public static String productId(String id) {
		if (!Catalog.isWellFormedId(id)) {
			throw FieldProblem.badRequest("id", "id " + PRODUCT_ID_RULE);
		}
		return id;
	}

}
