package dev.bricks.core.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the route parameter bound from the JSON request body. Optional for records (a record parameter is
 * the body); needed for other types such as {@code Map} or {@code List}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Body {}
