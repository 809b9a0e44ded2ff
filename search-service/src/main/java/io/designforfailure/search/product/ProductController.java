package io.designforfailure.search.product;

import io.designforfailure.catalog.Catalog;
import io.designforfailure.search.web.InvalidParameterException;

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
		if (!Catalog.isWellFormedId(id)) {
			throw new InvalidParameterException("id", "must look like p-0042");
		}
		return this.catalog.find(id).map(ProductDetails::of).orElseThrow(() -> new ProductNotFoundException(id));
	}

}
