package io.designforfailure.search.product;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A well-formed product id that the catalog does not hold, answered as a 404 problem.
 */
class ProductNotFoundException extends ErrorResponseException {

	ProductNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No product with id " + id),
				null);
	}

}
