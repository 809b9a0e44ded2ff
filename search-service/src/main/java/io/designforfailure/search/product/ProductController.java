package io.designforfailure.search.product;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.web.FieldProblem;
import io.designforfailure.web.Inputs;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Looks up one product of the catalog by id.
 */
@RestController
class ProductController {

	private final Catalog catalog;

	ProductController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/products/{id}")
	ProductDetails product(@PathVariable String id) {
		return this.catalog.find(Inputs.productId(id))
			.map(ProductDetails::of)
			.orElseThrow(() -> FieldProblem.notFound("id", "id " + id + " is not a product"));
	}

}
