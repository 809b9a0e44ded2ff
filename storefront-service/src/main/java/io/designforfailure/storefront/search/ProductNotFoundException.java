package io.designforfailure.storefront.search;

/** search-service says the product does not exist: the storefront answers 404. */
public class ProductNotFoundException extends RuntimeException {

	private final String productId;

	ProductNotFoundException(String productId) {
		super("No product " + productId);
		this.productId = productId;
	}

	public String productId() {
		return this.productId;
	}

}
