package io.designforfailure.search.search;

import io.designforfailure.web.Inputs;
import io.designforfailure.web.deadline.RequestDeadline;
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

	private final ProductIndex index;

	SearchController(ProductIndex index) {
		this.index = index;
	}

	@GetMapping("/api/search")
	SearchResponse search(@RequestParam String q, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
		// The caller's deadline bounds the query: nobody reads an answer that comes
		// later.
		return this.index.search(Inputs.query(q), limit, RequestDeadline.current()::isExpired);
	}

}
