package io.designforfailure.storefront.web;

/**
 * A request parameter the storefront cannot serve; answered with 400 naming the field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String detail) {
		super(detail);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
