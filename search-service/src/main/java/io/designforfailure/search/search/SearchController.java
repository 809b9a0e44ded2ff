package io.designforfailure.search.search;

import io.designforfailure.search.web.InvalidParameterException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over the catalog.
 */
@RestController
class SearchController {

	private static final int MAX_QUERY_LENGTH = 200;

	private final ProductIndex index;

	SearchController(ProductIndex index) {
		this.index = index;
	}

	@GetMapping("/api/search")
	SearchResponse search(@RequestParam String q, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		String query = q.strip();
		if (query.isEmpty()) {
			throw new InvalidParameterException("q", "must not be blank");
		}
		if (query.length() > MAX_QUERY_LENGTH) {
			throw new InvalidParameterException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
		}
		return this.index.search(query, limit);
	}

}
