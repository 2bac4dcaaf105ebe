package dev.bricks.local.targets;

import dev.bricks.local.eventbridge.EventTarget;
import dev.bricks.local.eventbridge.LocalEventBridge;

/**
 * The one place that calls {@link LocalEventBridge}'s rule API, so a change of its signature touches one class.
 * Rules go on the named bus (the default one or a template's {@code AWS::Events::EventBus}).
 */
final class RuleRegistrar {

    private final LocalEventBridge bus;

    RuleRegistrar(LocalEventBridge bus) {
        this.bus = bus;
    }

    /** @return the rule's ARN */
    String addRule(String busName, String ruleName, String patternJson, EventTarget target) {
        return bus.addRule(busName, ruleName, patternJson, target);
    }

    void removeRule(String busName, String ruleName) {
        bus.removeRule(busName, ruleName);
    }
}
