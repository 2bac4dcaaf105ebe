package dev.bricks.core.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string, collection, map or array that must not be null or empty. Default message: {@code must not be empty}.
 *
 * <p>Placed on a record component; checked by {@link Validator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NotEmpty {

    /** Message replacing the default one; empty for the default. */
    String message() default "";
}
