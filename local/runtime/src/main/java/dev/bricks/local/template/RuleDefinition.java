package dev.bricks.local.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EventBridge rule with Lambda targets: an {@code AWS::Events::Rule}, or the rule SAM makes for a
 * function's {@code EventBridgeRule} event.
 *
 * @param logicalId the rule's resource name (for an event: function id + event name); never null
 * @param name the rule's name; never null
 * @param eventBusName the bus it is on ({@code default} unless set); never null
 * @param eventPattern the {@code EventPattern} / {@code Pattern} as JSON-ready values; never null
 * @param targets the Lambda targets; never null, unmodifiable
 * @param location where it is defined; never null
 */
public record RuleDefinition(
        String logicalId,
        String name,
        String eventBusName,
        Map<String, Object> eventPattern,
        List<Target> targets,
        Location location) {

    /** Checks and copies. */
    public RuleDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventBusName, "eventBusName");
        eventPattern = Map.copyOf(eventPattern);
        targets = List.copyOf(targets);
        Objects.requireNonNull(location, "location");
    }

    /**
     * A Lambda target of a rule.
     *
     * @param id the target id; never null
     * @param functionId the target function's logical id; never null
     * @param retryPolicy the target's {@code RetryPolicy} ({@code MaximumRetryAttempts},
     *     {@code MaximumEventAgeInSeconds}); never null, empty when not set
     * @param input the target's {@code Input}, {@code InputPath} or {@code InputTransformer} (at most one, as
     *     written, intrinsics evaluated); never null, empty for the whole event
     */
    public record Target(String id, String functionId, Map<String, Object> retryPolicy, Map<String, Object> input) {

        /** Checks and copies. */
        public Target {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(functionId, "functionId");
            retryPolicy = Map.copyOf(retryPolicy);
            input = Map.copyOf(input);
        }
    }
}
