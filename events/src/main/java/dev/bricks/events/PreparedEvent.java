package dev.bricks.events;

import dev.bricks.core.Correlation;
import dev.bricks.core.TraceHeader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event rendered exactly as {@link EventPublisher} sends it — source, detail-type, the detail JSON with the
 * correlation id and the event id spliced in, resources and trace header — to be stored now and published later
 * (a transactional outbox). Publishing it sends these values as they are, so the event on the bus is the one a
 * direct {@code publish} at render time would have produced.
 *
 * <pre>{@code
 * PreparedEvent e = PreparedEvent.of(new OrderPlaced(orderId, userId, 3));   // in the writing invocation
 * ...
 * publisher.publishAll(List.of(e)).orThrow();                               // later, anywhere
 * }</pre>
 *
 * @param eventId     the stable event id, also the detail's {@value EventPublisher#EVENT_ID_FIELD} member; never blank
 * @param source      the event's {@code source}; never blank
 * @param detailType  the event's {@code detail-type}; never blank
 * @param detail      the detail JSON object as sent; never blank
 * @param resources   resource ARNs; never null, possibly empty
 * @param traceHeader the X-Ray trace header to send with the entry, or null for none
 */
public record PreparedEvent(
        String eventId, String source, String detailType, String detail, List<String> resources, String traceHeader) {

    public PreparedEvent {
        OutgoingEvent.requireNonBlank("eventId", eventId);
        OutgoingEvent.requireNonBlank("source", source);
        OutgoingEvent.requireNonBlank("detailType", detailType);
        OutgoingEvent.requireNonBlank("detail", detail);
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    }

    /**
     * Renders an event with the current thread's {@link Correlation} id and {@link TraceHeader}, and a new event
     * id: what {@link EventPublisher#publish(Object)} would send now.
     *
     * @param event a {@link DomainEvent}-annotated object or an {@link OutgoingEvent}; never null
     * @throws EventRejectedException when the event cannot be sent at all (no source, not a JSON object)
     */
    public static PreparedEvent of(Object event) {
        if (event instanceof PreparedEvent prepared) {
            return prepared;
        }
        return EventPublisher.render(0, event, Correlation.current(), TraceHeader.current());
    }

    /** The trace header, if any. */
    public Optional<String> traceHeaderValue() {
        return Optional.ofNullable(traceHeader);
    }
}
