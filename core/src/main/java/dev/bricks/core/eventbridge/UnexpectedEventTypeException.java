package dev.bricks.core.eventbridge;

import dev.bricks.core.InvalidEventException;
import java.util.List;

/**
 * An EventBridge event whose {@code source} or {@code detail-type} is not the one its handler declares with
 * {@link EventType}: the rule routes events the function was not written for. Thrown before the detail is
 * bound, so that the invocation fails (retry policy, dead-letter queue) instead of handling a detail that does
 * not fit. Message prefix: {@code Unexpected event type: }.
 */
public final class UnexpectedEventTypeException extends InvalidEventException {

    private final String eventId;
    private final String source;
    private final String detailType;
    private final String expectedSource;
    private final List<String> expectedDetailTypes;

    UnexpectedEventTypeException(String eventId, String source, String detailType, EventType expected) {
        super("Unexpected event type: event " + eventId + " has source '" + source + "' and detail-type '"
                + detailType + "'; the handler accepts source '" + expected.source() + "' with detail-type "
                + List.of(expected.detailType()));
        this.eventId = eventId;
        this.source = source;
        this.detailType = detailType;
        this.expectedSource = expected.source();
        this.expectedDetailTypes = List.of(expected.detailType());
    }

    /** The rejected event's id. */
    public String eventId() {
        return eventId;
    }

    /** The rejected event's {@code source}. */
    public String source() {
        return source;
    }

    /** The rejected event's {@code detail-type}. */
    public String detailType() {
        return detailType;
    }

    /** The source the handler accepts. */
    public String expectedSource() {
        return expectedSource;
    }

    /** The detail-types the handler accepts. */
    public List<String> expectedDetailTypes() {
        return expectedDetailTypes;
    }
}
