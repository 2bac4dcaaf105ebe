package dev.bricks.events;

import java.util.List;
import java.util.Objects;

/**
 * An event to publish with its source and detail-type given explicitly, for details that carry no
 * {@link DomainEvent} annotation (or to override it).
 *
 * <pre>{@code
 * publisher.publish(OutgoingEvent.of("orders.app", "OrderPlaced", Map.of("orderId", "o-1")));
 * }</pre>
 *
 * @param source     the event's {@code source}; non-blank
 * @param detailType the event's {@code detail-type}; non-blank
 * @param detail     the value serialized as the {@code detail} JSON object (a record, a bean or a Map); never null
 * @param resources  ARNs the event concerns; never null, possibly empty
 */
public record OutgoingEvent(String source, String detailType, Object detail, List<String> resources) {

    public OutgoingEvent {
        requireNonBlank("source", source);
        requireNonBlank("detailType", detailType);
        Objects.requireNonNull(detail, "detail");
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    }

    /** An event without resources. */
    public static OutgoingEvent of(String source, String detailType, Object detail) {
        return new OutgoingEvent(source, detailType, detail, List.of());
    }

    /** This event with the given resource ARNs. */
    public OutgoingEvent withResources(String... arns) {
        return new OutgoingEvent(source, detailType, detail, List.of(arns));
    }

    static void requireNonBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    name + " must be non-blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
