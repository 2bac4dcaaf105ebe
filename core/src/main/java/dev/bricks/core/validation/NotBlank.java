package dev.bricks.core.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string that must not be null, empty or only whitespace. Default message: {@code must not be blank}.
 *
 * <p>Placed on a record component; checked by {@link Validator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NotBlank {

    /** Message replacing the default one; empty for the default. */
    String message() default "";
}
