package io.designforfailure.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/**
 * A user id by {@link Inputs#USER_ID_PATTERN}, for bean validation. {@code null} is
 * valid: pair with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = Inputs.USER_ID_PATTERN, message = Inputs.USER_ID_RULE)
public @interface UserId {

	String message() default Inputs.USER_ID_RULE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
