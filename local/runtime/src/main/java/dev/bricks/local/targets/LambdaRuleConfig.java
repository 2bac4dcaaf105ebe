package dev.bricks.local.targets;

import java.util.Objects;

/**
 * A rule with one Lambda target: a SAM {@code EventBridgeRule} event, or an {@code AWS::Events::Rule} whose
 * target is a function.
 *
 * @param busName the bus ({@code default} or a custom bus's name); not null
 * @param ruleName the rule's name, 1-64 of {@code [.-_A-Za-z0-9]}; not null
 * @param patternJson the EventBridge event pattern; not null
 * @param functionId the target function's logical id; not null
 * @param input what the function receives; not null ({@link TargetInput#wholeEvent()} for the event)
 */
public record LambdaRuleConfig(
        String busName, String ruleName, String patternJson, String functionId, TargetInput input) {

    /** The default bus' name. */
    public static final String DEFAULT_BUS = "default";

    /** Checks the non-null components. */
    public LambdaRuleConfig {
        Objects.requireNonNull(busName, "busName");
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(patternJson, "patternJson");
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(input, "input");
    }
}
