package dev.bricks.core.eventbridge;

import dev.bricks.core.BricksHandler;
import dev.bricks.core.InvalidEventException;
import dev.bricks.core.internal.JsonSupport;
import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.internal.Nodes;
import dev.bricks.core.validation.ValidationException;
import dev.bricks.core.validation.Validator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Reads the EventBridge envelope and binds its detail; built once per handler. Thread-safe. */
final class EventBridgeParser<T> {

    private final Class<T> detailType;
    private final Validator<T> validator;
    private final EventType accepted;

    /**
     * @param accepted the source and detail-types to accept; null accepts every event
     * @throws IllegalArgumentException when {@code accepted} is blank
     */
    EventBridgeParser(Class<T> detailType, EventType accepted) {
        this.detailType = detailType;
        this.validator = Validator.of(detailType);
        if (accepted != null && (accepted.source().isBlank() || accepted.detailType().length == 0)) {
            throw new IllegalArgumentException(
                    "@EventType for " + detailType.getSimpleName() + " needs a source and at least one detailType");
        }
        this.accepted = accepted;
    }

    Class<T> detailType() {
        return detailType;
    }

    BricksHandler.Parsed<EventBridgeEvent<T>> parse(byte[] raw) {
        JsonValue root = Nodes.eventObject(raw, "EventBridge event");
        String id = Nodes.required(root, "id", "EventBridge event");
        String what = "EventBridge event " + id;
        String detailTypeName = Nodes.required(root, "detail-type", what);
        String source = Nodes.required(root, "source", what);
        requireAccepted(id, source, detailTypeName);
        Instant time = time(Nodes.required(root, "time", what), what);
        String described = what + " (" + source + "/" + detailTypeName + ")";
        JsonValue detailNode = root.get("detail");
        if (detailNode == null || !detailNode.isObject()) {
            throw new InvalidEventException(described + ": member 'detail' must be a JSON object");
        }
        String correlationId = EventBridgeHandler.correlationId(detailNode, id);
        T detail;
        try {
            detail = JsonSupport.bindValid(detailNode, detailType, validator);
        } catch (ValidationException e) {
            throw new InvalidEventException(
                    described + ": detail is not a valid " + detailType.getSimpleName() + ": " + e.getMessage(), e);
        }
        EventBridgeEvent<T> event = new EventBridgeEvent<>(
                Nodes.text(root, "version"),
                id,
                detailTypeName,
                source,
                Nodes.text(root, "account"),
                time,
                Nodes.text(root, "region"),
                Nodes.stringList(root, "resources"),
                detail,
                Nodes.text(root, "replay-name"));
        return new BricksHandler.Parsed<>(event, correlationId);
    }

    private void requireAccepted(String id, String source, String detailTypeName) {
        if (accepted != null
                && !(accepted.source().equals(source)
                        && Arrays.asList(accepted.detailType()).contains(detailTypeName))) {
            throw new UnexpectedEventTypeException(id, source, detailTypeName, accepted);
        }
    }

    private static Instant time(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(what + ": member 'time' is not an ISO-8601 instant");
        }
    }
}
