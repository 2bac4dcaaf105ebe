package dev.bricks.local.template;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of a function's {@code Events}.
 *
 * @param name the event's name in the template; never null
 * @param type its kind; never null
 * @param properties its {@code Properties}, intrinsics evaluated (a {@code !Ref} of a table gives its name, a
 *     {@code !GetAtt Table.StreamArn} the local stream ARN); never null, unmodifiable
 * @param location where the event is written; never null
 */
public record FunctionEvent(String name, EventType type, Map<String, Object> properties, Location location) {

    /** Checks and copies. */
    public FunctionEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(location, "location");
    }
}
