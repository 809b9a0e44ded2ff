package io.designforfailure.storefront.search;

import java.util.List;

/**
 * search-service's answer to a query.
 *
 * @param query the query as search-service understood it
 * @param total how many products matched
 * @param items the best matches
 */
record SearchResults(String query, Integer total, List<SearchHit> items) {

}
