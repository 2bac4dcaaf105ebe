package dev.bricks.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record (or class) as the {@code detail} of an EventBridge event, naming its {@code source} and
 * {@code detail-type}, so that {@link EventPublisher#publish(Object)} needs nothing else.
 *
 * <pre>{@code
 * @DomainEvent(source = "orders.app", detailType = "OrderPlaced")
 * public record OrderPlaced(String orderId, String userId, int itemCount) {}
 * }</pre>
 *
 * <p>Read once per type (at the first publish of that type) and cached for the life of the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DomainEvent {

    /** The event's {@code source}, e.g. {@code orders.app}; must not start with {@code aws.}. */
    String source();

    /** The event's {@code detail-type}, e.g. {@code OrderPlaced}. */
    String detailType();
}
