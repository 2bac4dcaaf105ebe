package dev.bricks.core.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number that must be at most {@link #value()}; null passes.
 *
 * <p>Placed on a record component, or on the element type of a list or set component
 * ({@code List<@NotBlank String>}); checked by {@link Validator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface Max {
    /** Largest allowed value, inclusive. */
    long value();

    /** Message replacing the default one; empty for the default. */
    String message() default "";
}
