package dev.bricks.local.targets;

import dev.bricks.local.eventbridge.EventTarget;
import dev.bricks.local.eventbridge.LocalEventBridge;

/**
 * The one place that calls {@link LocalEventBridge}'s rule API, so a change of its signature touches one class.
 * Today's API puts rules on the default bus only; rules on a named bus are refused with a clear message until
 * {@code addRule(busName, name, pattern, target)} is there.
 */
final class RuleRegistrar {

    private final LocalEventBridge bus;

    RuleRegistrar(LocalEventBridge bus) {
        this.bus = bus;
    }

    /** @return the rule's ARN */
    String addRule(String busName, String ruleName, String patternJson, EventTarget target) {
        requireDefaultBus(busName, ruleName);
        return bus.addRule(ruleName, patternJson, target);
    }

    void removeRule(String busName, String ruleName) {
        requireDefaultBus(busName, ruleName);
        bus.removeRule(ruleName);
    }

    private static void requireDefaultBus(String busName, String ruleName) {
        if (!LambdaRuleConfig.DEFAULT_BUS.equals(busName)) {
            throw new IllegalArgumentException("rule " + ruleName + ": rules on the custom bus '" + busName
                    + "' are not supported yet by bricks-local (only the default bus)");
        }
    }
}
