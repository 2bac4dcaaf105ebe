package dev.bricks.core.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows {@code null} elements in a collection: {@code List<@Nullable String>}. Without it, {@link Validator}
 * rejects a {@code null} element of a list or set with {@code must not be null} at its path
 * ({@code items[0]}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface Nullable {}
