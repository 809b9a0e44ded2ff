package io.designforfailure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.designforfailure.catalog.Catalog;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A well-formed product id such as {@code p-0042}, by the catalog's own rule, for bean
 * validation; whether the product exists is checked where the answer depends on it.
 * {@code null} is valid: pair with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = ProductId.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface ProductId {

	String message() default Inputs.PRODUCT_ID_RULE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Delegates to {@link Catalog#isWellFormedId} so there is one rule for ids. */
	class Validator implements ConstraintValidator<ProductId, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Catalog.isWellFormedId(value);
		}

	}

}
