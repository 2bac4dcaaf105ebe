package dev.bricks.core.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.core.BricksHandler;
import dev.bricks.core.InvalidEventException;
import dev.bricks.core.internal.JsonSupport;
import dev.bricks.core.internal.Nodes;
import dev.bricks.core.json.JsonException;
import dev.bricks.core.validation.ValidationException;
import dev.bricks.core.validation.Validator;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the EventBridge envelope and binds its detail; built once per handler. Thread-safe. */
final class EventBridgeParser<T> {

    private final Class<T> detailType;
    private final Validator<T> validator;

    EventBridgeParser(Class<T> detailType) {
        this.detailType = detailType;
        this.validator = Validator.of(detailType);
    }

    Class<T> detailType() {
        return detailType;
    }

    BricksHandler.Parsed<EventBridgeEvent<T>> parse(byte[] raw) {
        JsonNode root = Nodes.eventObject(raw, "EventBridge event");
        String id = Nodes.required(root, "id", "EventBridge event");
        String what = "EventBridge event " + id;
        String detailTypeName = Nodes.required(root, "detail-type", what);
        String source = Nodes.required(root, "source", what);
        String timeText = Nodes.required(root, "time", what);
        Instant time;
        try {
            time = Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(what + ": member 'time' is not an ISO-8601 instant");
        }
        JsonNode detailNode = root.get("detail");
        if (detailNode == null || !detailNode.isObject()) {
            throw new InvalidEventException(what + " (" + source + "/" + detailTypeName
                    + "): member 'detail' must be a JSON object");
        }
        T detail;
        try {
            detail = JsonSupport.convert(detailNode, detailType);
        } catch (JsonException e) {
            throw new InvalidEventException(what + " (" + source + "/" + detailTypeName + "): detail does not match "
                    + detailType.getSimpleName() + ": " + e.getMessage(), e);
        }
        try {
            validator.requireValid(detail);
        } catch (ValidationException e) {
            throw new InvalidEventException(what + " (" + source + "/" + detailTypeName + "): detail is invalid: "
                    + e.getMessage(), e);
        }
        EventBridgeEvent<T> event = new EventBridgeEvent<>(Nodes.text(root, "version"), id, detailTypeName, source,
                Nodes.text(root, "account"), time, Nodes.text(root, "region"), Nodes.stringList(root, "resources"),
                detail, Nodes.text(root, "replay-name"));
        return new BricksHandler.Parsed<>(event, EventBridgeHandler.correlationId(detailNode, id));
    }
}
