package dev.bricks.local.targets;

import java.util.Map;
import java.util.Objects;

/**
 * What a rule's Lambda target hands the function, as a CloudFormation target's {@code Input}, {@code InputPath}
 * or {@code InputTransformer} (at most one of them; none means the whole event).
 */
public sealed interface TargetInput {

    /** The whole event envelope (no {@code Input*} property). */
    static TargetInput wholeEvent() {
        return new WholeEvent();
    }

    /** The event envelope, unchanged. */
    record WholeEvent() implements TargetInput {}

    /**
     * {@code Input}: a constant JSON text sent instead of the event.
     *
     * @param json valid JSON; not null
     */
    record Constant(String json) implements TargetInput {
        /** Checks the text is present. */
        public Constant {
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * {@code InputPath}: the part of the event at a JSONPath ({@code $}, {@code $.detail},
     * {@code $.detail.order.id}; dotted names only).
     *
     * @param jsonPath the path; not null
     */
    record Path(String jsonPath) implements TargetInput {
        /** Checks the path's syntax. */
        public Path {
            JsonPaths.check(jsonPath, "InputPath");
        }
    }

    /**
     * {@code InputTransformer}: values picked from the event by JSONPath, put into a template at {@code <name>}
     * placeholders. A placeholder inside a JSON string gets the value's text; outside it gets the value as JSON.
     * {@code <aws.events.event>}, {@code <aws.events.event.json>}, {@code <aws.events.rule-name>} and
     * {@code <aws.events.rule-arn>} are predefined. A template that is not a JSON object or array is sent as a
     * JSON string.
     *
     * @param inputPathsMap placeholder name → JSONPath; not null
     * @param inputTemplate the template; not null
     */
    record Transformer(Map<String, String> inputPathsMap, String inputTemplate) implements TargetInput {
        /** Checks the paths and copies the map. */
        public Transformer {
            inputPathsMap = Map.copyOf(inputPathsMap);
            Objects.requireNonNull(inputTemplate, "inputTemplate");
            inputPathsMap.forEach((name, path) -> JsonPaths.check(path, "InputPathsMap." + name));
        }
    }
}
