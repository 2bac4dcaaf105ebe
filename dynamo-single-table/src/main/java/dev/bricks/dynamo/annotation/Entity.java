package dev.bricks.dynamo.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as an entity stored in a single table. The annotation processor generates
 * {@code <Name>Schema} next to it: a static immutable {@code TableSchema}, typed key builders and
 * attribute constants. Must be combined with {@link PrimaryKey}.
 *
 * <pre>{@code
 * @Entity(type = "ORDER")
 * @PrimaryKey(pk = "USER#{userId}", sk = "ORDER#{orderId}")
 * public record Order(String userId, String orderId, OrderStatus status) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {
    /** The value stored in the entity type attribute, e.g. {@code "ORDER"}; never blank. */
    String type();

    /** Name of the attribute holding the entity type; {@code "EntityType"} by default. */
    String typeAttribute() default "EntityType";
}
