package dev.bricks.local.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * One event bus: its rules and the event-ruler {@link Machine} that matches events against the enabled ones.
 * Many threads match at once (read lock); rule changes take the write lock.
 */
final class Bus {

    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");

    private final String name;
    private final String arnPrefix;
    private final Machine machine = Machine.builder().build();
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();

    Bus(String name, String region, String account) {
        this.name = name;
        this.arnPrefix = "arn:aws:events:" + region + ":" + account + ":rule/"
                + (LocalEventBridge.DEFAULT_BUS.equals(name) ? "" : name + "/");
    }

    String name() {
        return name;
    }

    /** Creates or updates a rule (PutRule); keeps its targets. */
    Rule putRule(String ruleName, String pattern, boolean enabled, String description) {
        requireName("Name", ruleName);
        String error = pattern == null ? "EventPattern is required" : JsonRuleCompiler.check(pattern);
        if (error != null) {
            throw new AwsError("InvalidEventPatternException", 400, "Event pattern is not valid. Reason: " + error);
        }
        lock.writeLock().lock();
        try {
            Rule old = rules.get(ruleName);
            if (old != null && old.enabled()) {
                machine.deleteRule(ruleName, old.eventPattern());
            }
            Rule rule = old == null
                    ? new Rule(ruleName, name, arnPrefix + ruleName, pattern, enabled, description, Map.of())
                    : old.withPattern(pattern, enabled, description);
            if (enabled) {
                machine.addRule(ruleName, pattern);
            }
            rules.put(ruleName, rule);
            return rule;
        } catch (IOException e) {
            throw new AwsError(
                    "InvalidEventPatternException", 400, "Event pattern is not valid. Reason: " + e.getMessage());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes a rule (DeleteRule); refuses while it has targets unless forced, as AWS does. */
    void deleteRule(String ruleName, boolean force) {
        lock.writeLock().lock();
        try {
            Rule rule = rules.get(ruleName);
            if (rule == null) {
                return;
            }
            if (!rule.targets().isEmpty() && !force) {
                throw AwsError.validation("Rule can't be deleted since it has targets.");
            }
            if (rule.enabled()) {
                machine.deleteRule(ruleName, rule.eventPattern());
            }
            rules.remove(ruleName);
        } catch (IOException e) {
            throw new IllegalStateException("stored pattern of rule " + ruleName + " no longer parses", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds or replaces targets (PutTargets). */
    void putTargets(String ruleName, List<Target> targets) {
        lock.writeLock().lock();
        try {
            Rule rule = require(ruleName);
            Map<String, Target> merged = new LinkedHashMap<>(rule.targets());
            for (Target t : targets) {
                merged.put(t.id(), t);
            }
            rules.put(ruleName, rule.withTargets(merged));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes targets by id (RemoveTargets); returns the ids that were not there. */
    List<String> removeTargets(String ruleName, List<String> ids) {
        lock.writeLock().lock();
        try {
            Rule rule = require(ruleName);
            Map<String, Target> left = new LinkedHashMap<>(rule.targets());
            List<String> missing = new ArrayList<>();
            for (String id : ids) {
                if (left.remove(id) == null) {
                    missing.add(id);
                }
            }
            rules.put(ruleName, rule.withTargets(left));
            return missing;
        } finally {
            lock.writeLock().unlock();
        }
    }

    Rule require(String ruleName) {
        Rule rule = rules.get(ruleName);
        if (rule == null) {
            throw AwsError.notFound("Rule " + ruleName + " does not exist on EventBus " + name + ".");
        }
        return rule;
    }

    Optional<Rule> find(String ruleName) {
        return Optional.ofNullable(rules.get(ruleName));
    }

    List<Rule> rules(String namePrefix) {
        return rules.values().stream()
                .filter(r -> namePrefix == null || r.name().startsWith(namePrefix))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    /** The enabled rules matching an event envelope. */
    List<Rule> match(JsonNode envelope) {
        List<String> names;
        lock.readLock().lock();
        try {
            names = machine.rulesForJSONEvent(envelope);
        } finally {
            lock.readLock().unlock();
        }
        List<Rule> matched = new ArrayList<>(names.size());
        for (String n : names) {
            Rule rule = rules.get(n);
            if (rule != null && rule.enabled()) {
                matched.add(rule);
            }
        }
        return matched;
    }

    /**
     * Counts an accepted entry and whether it matched a rule.
     *
     * @return true for the first accepted entry of this bus that matched no rule (the one worth a warning)
     */
    boolean countAccepted(boolean matchedARule) {
        accepted.incrementAndGet();
        return !matchedARule && unmatched.incrementAndGet() == 1;
    }

    long acceptedEntries() {
        return accepted.get();
    }

    long unmatchedEntries() {
        return unmatched.get();
    }

    boolean hasRules() {
        return !rules.isEmpty();
    }

    static void requireName(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw AwsError.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+"
                    + " and have length 1–64");
        }
    }
}
