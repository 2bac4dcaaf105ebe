package dev.bricks.dynamo.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A global secondary index key of an {@link Entity}, with templates like {@link PrimaryKey}. When a component
 * of the template is null the index attribute is omitted (a sparse index). Attribute names default to
 * {@code <name>PK} and {@code <name>SK}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {
    /** Index name as declared on the table, e.g. {@code "GSI1"}. */
    String name();

    /** Partition key template. */
    String pk();

    /** Sort key template; empty when the index has no sort key. */
    String sk() default "";

    /** Partition key attribute name; defaults to {@code name + "PK"}. */
    String pkAttribute() default "";

    /** Sort key attribute name; defaults to {@code name + "SK"}. */
    String skAttribute() default "";
}
