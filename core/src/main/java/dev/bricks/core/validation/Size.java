package dev.bricks.core.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The length of a string, or the size of a collection, map or array, must lie in {@code [min, max]}; null passes (combine with {@link NotNull}).
 *
 * <p>Placed on a record component, or on the element type of a list or set component
 * ({@code List<@NotBlank String>}); checked by {@link Validator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface Size {
    /** Smallest allowed size, inclusive. */
    int min() default 0;

    /** Largest allowed size, inclusive. */
    int max() default Integer.MAX_VALUE;

    /** Message replacing the default one; empty for the default. */
    String message() default "";
}
