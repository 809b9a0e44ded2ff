package io.designforfailure.recommendations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How many items a list may hold, the same for every list the service answers: enough for
 * any page, small enough that one request stays cheap.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Min(value = 1, message = Limit.RANGE)
@Max(value = 50, message = Limit.RANGE)
public @interface Limit {

	/** The rule as a client reads it. */
	String RANGE = "must be between 1 and 50";

	String message() default RANGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
