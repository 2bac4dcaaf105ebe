package dev.bricks.events;

/**
 * An event the publisher refuses before any call to EventBridge, so that no event of the same
 * {@code publishAll} is sent. Message prefix: {@code "Event rejected: "}.
 */
public class EventRejectedException extends IllegalArgumentException {

    /** Why the event was refused. */
    public enum Reason {
        /** Neither an {@link OutgoingEvent} nor annotated with {@link DomainEvent}. */
        NO_SOURCE_OR_DETAIL_TYPE,
        /** The detail cannot be written as JSON. */
        NOT_SERIALIZABLE,
        /** The detail is written as JSON, but not as an object. */
        DETAIL_NOT_AN_OBJECT,
        /** The entry is larger than the request size limit. */
        TOO_LARGE
    }

    private final Reason reason;
    private final int index;

    EventRejectedException(Reason reason, int index, String message, Throwable cause) {
        super("Event rejected: event " + index + ": " + message, cause);
        this.reason = reason;
        this.index = index;
    }

    /** Why the event was refused. */
    public Reason reason() {
        return reason;
    }

    /** Position of the event in the collection given to {@code publishAll} (0 for {@code publish}). */
    public int index() {
        return index;
    }
}
