package dev.bricks.local.eventbridge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable snapshot of one rule; changes replace the snapshot. */
record Rule(
        String name,
        String busName,
        String arn,
        String eventPattern,
        boolean enabled,
        String description,
        Map<String, Target> targets) {

    Rule {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    Rule withPattern(String pattern, boolean isEnabled, String newDescription) {
        return new Rule(name, busName, arn, pattern, isEnabled, newDescription, targets);
    }

    Rule withTargets(Map<String, Target> newTargets) {
        return new Rule(name, busName, arn, eventPattern, enabled, description, newTargets);
    }
}
