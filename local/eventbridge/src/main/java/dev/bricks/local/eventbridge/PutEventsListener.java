package dev.bricks.local.eventbridge;

/**
 * Told of every PutEvents entry a bus accepts (see {@link LocalEventBridge#addPutEventsListener}), matched or
 * not, on the request's thread before the response is sent and before delivery to targets completes.
 * Implementations must be thread-safe and quick; an exception they throw is ignored.
 *
 * <pre>{@code
 * bus.addPutEventsListener(e -> { if (e.matchedRules().isEmpty()) unmatched.add(e.eventId()); });
 * }</pre>
 */
@FunctionalInterface
public interface PutEventsListener {

    /** An entry was accepted; {@code event} is never null. */
    void accepted(AcceptedEvent event);
}
