package dev.bricks.core.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string that must match the regular expression entirely; null passes. The expression is compiled once, when the record's validator is built.
 *
 * <p>Placed on a record component, or on the element type of a list or set component
 * ({@code List<@NotBlank String>}); checked by {@link Validator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE_USE})
public @interface Pattern {
    /** The regular expression ({@link java.util.regex.Pattern} syntax), matched against the whole value. */
    String regexp();

    /** Message replacing the default one; empty for the default. */
    String message() default "";
}
