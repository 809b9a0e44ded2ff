package io.designforfailure.search.search;

import java.util.List;

/**
 * The answer to {@code GET /api/search}.
 *
 * @param query the query as searched, trimmed
 * @param total how many products match, however many are returned
 * @param items the best matches, best first, at most the requested limit
 */
record SearchResponse(String query, long total, List<SearchHit> items) {

}
