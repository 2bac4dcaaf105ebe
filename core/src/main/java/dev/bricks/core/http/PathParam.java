package dev.bricks.core.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A path template variable ({@code {orderId}}), converted to the parameter's type; a value that does not convert gives 400. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathParam {

    /** The name. */
    String value();
}
