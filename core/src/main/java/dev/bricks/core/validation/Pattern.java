package dev.bricks.core.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string that must match the regular expression entirely; null passes. The expression is compiled once, when the record's validator is built.
 *
 * <p>Placed on a record component; checked by {@link Validator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Pattern {
    /** The regular expression ({@link java.util.regex.Pattern} syntax), matched against the whole value. */
    String regexp();

    /** Message replacing the default one; empty for the default. */
    String message() default "";
}
