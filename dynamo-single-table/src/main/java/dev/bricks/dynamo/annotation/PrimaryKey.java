package dev.bricks.dynamo.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Primary key templates of an {@link Entity}. A template is literal text with {@code {component}}
 * placeholders naming record components, e.g. {@code "USER#{userId}"} or {@code "PROFILE"}. Values are
 * inserted exactly as given (no case folding). A placeholder naming a component the record does not
 * have fails compilation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PrimaryKey {
    /** Partition key template. */
    String pk();

    /** Sort key template; empty for a table without a sort key. */
    String sk() default "";

    /** Attribute name of the partition key in the table; {@code "PK"} by default. */
    String pkAttribute() default "PK";

    /** Attribute name of the sort key in the table; {@code "SK"} by default. */
    String skAttribute() default "SK";
}
