package dev.bricks.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts one record component into scalar coercion when it is read from JSON. Without it Bricks binds strictly:
 * a number field takes only a JSON number (and an integer field only an integral one: {@code 2.5} is rejected,
 * {@code 2.0} is 2), a string field only a JSON string, a boolean field only {@code true} / {@code false}.
 *
 * <p>With {@code @Lenient}, a number or boolean field also takes a JSON string holding one ({@code "42"},
 * {@code "true"}), and a string field also takes a JSON number or boolean (as its text). An integer field still
 * rejects {@code "2.5"}. Use it for clients you do not control, such as form-encoded gateways.
 *
 * <pre>{@code
 * record Search(@Lenient int page, String query) {}   // {"page":"2"} and {"page":2} both bind
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Lenient {}
