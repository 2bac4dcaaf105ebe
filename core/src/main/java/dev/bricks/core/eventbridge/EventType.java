package dev.bricks.core.eventbridge;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code source} and {@code detail-type} an {@link EventBridgeHandler} accepts. Put it on the detail record
 * (one record, one event type) or on the handler class (which wins, for example for a {@code Map} detail):
 *
 * <pre>{@code
 * @EventType(source = "orders.app", detailType = "OrderPlaced")
 * public record OrderPlaced(String orderId, int itemCount) {}
 *
 * public final class UpdateInventory extends EventBridgeHandler<OrderPlaced> { ... }
 * }</pre>
 *
 * <p>An event with another source or detail-type (a rule routing the wrong events to the function) is
 * rejected before its detail is bound: logged and failed with {@link UnexpectedEventTypeException}, so that
 * the target's retry policy and dead-letter queue keep it. A handler without this annotation accepts every
 * source and detail-type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The accepted {@code source}, such as {@code orders.app}. */
    String source();

    /** The accepted {@code detail-type} values, such as {@code OrderPlaced}; at least one. */
    String[] detailType();
}
