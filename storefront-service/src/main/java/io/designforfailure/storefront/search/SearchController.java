package io.designforfailure.storefront.search;

import io.designforfailure.storefront.guard.Section;
import io.designforfailure.web.Inputs;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Product search for shoppers; the results say whether they are live. */
@RestController
class SearchController {

	private final SearchGateway search;

	SearchController(SearchGateway search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	SearchPage search(@RequestParam(name = "q", required = false) String q) {
		String query = Inputs.query(q);
		return new SearchPage(query, this.search.search(query));
	}

	/**
	 * The storefront's search answer.
	 *
	 * @param query the query, trimmed
	 * @param results the results, saying where they came from
	 */
	record SearchPage(String query, Section<SearchHit> results) {
	}

}
