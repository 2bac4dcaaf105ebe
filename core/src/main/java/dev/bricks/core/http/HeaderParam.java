package dev.bricks.core.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A request header (case-insensitive), converted to the parameter's type; absent gives null for reference types and 400 for primitives. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface HeaderParam {

    /** The name. */
    String value();
}
