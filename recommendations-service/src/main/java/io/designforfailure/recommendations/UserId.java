package io.designforfailure.recommendations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/**
 * A user id as clients send it: short and free of characters that would need escaping in
 * a URL or a log line. {@code null} is valid: pair with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be 1-64 characters of letters, digits, '.', '_', '@' or '-'")
public @interface UserId {

	String message() default "must be a valid user id";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
