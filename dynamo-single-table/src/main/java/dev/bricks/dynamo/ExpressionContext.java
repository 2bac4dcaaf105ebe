package dev.bricks.dynamo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Allocates expression placeholders ({@code #a0}, {@code :v0}) while conditions and updates render. One
 * context serves one request. Not thread-safe.
 */
public final class ExpressionContext {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> placeholderByName = new HashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    ExpressionContext() {}

    /** Returns the placeholder for an attribute name, reusing it for repeated names. */
    public String name(String attributeName) {
        return placeholderByName.computeIfAbsent(attributeName, n -> {
            String p = "#a" + names.size();
            names.put(p, n);
            return p;
        });
    }

    /** Returns a fresh placeholder bound to a value. */
    public String value(AttributeValue value) {
        String p = ":v" + values.size();
        values.put(p, value);
        return p;
    }

    /**
     * Adds caller-chosen placeholders of a raw expression. A placeholder of the generated forms ({@code #a}/{@code :v}
     * followed by digits) is refused whether the generated one was allocated before or would be after, and so is a
     * name placeholder bound to another attribute or a value placeholder already in use.
     */
    void addRaw(Map<String, String> rawNames, Map<String, AttributeValue> rawValues) {
        rawNames.forEach((k, v) -> {
            if (!k.startsWith("#") || k.length() < 2) {
                throw new IllegalArgumentException("Raw expression name placeholder '" + k + "' must start with '#'");
            }
            refuseGenerated(k, "#a");
            String old = names.putIfAbsent(k, v);
            if (old != null && !old.equals(v)) {
                throw new IllegalArgumentException(
                        "Raw expression name placeholder '" + k + "' is already bound to '" + old + "'");
            }
        });
        rawValues.forEach((k, v) -> {
            if (!k.startsWith(":") || k.length() < 2) {
                throw new IllegalArgumentException("Raw expression value placeholder '" + k + "' must start with ':'");
            }
            refuseGenerated(k, ":v");
            if (values.putIfAbsent(k, v) != null) {
                throw new IllegalArgumentException("Raw expression value placeholder '" + k + "' is already in use");
            }
        });
    }

    private static void refuseGenerated(String placeholder, String generatedPrefix) {
        if (placeholder.startsWith(generatedPrefix)
                && placeholder.length() > generatedPrefix.length()
                && placeholder.substring(generatedPrefix.length()).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Raw expression placeholder '" + placeholder
                    + "' has the form of a generated " + "one (" + generatedPrefix + "N); choose another name");
        }
    }

    Map<String, String> namesOrNull() {
        return names.isEmpty() ? null : Map.copyOf(names);
    }

    Map<String, AttributeValue> valuesOrNull() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }
}
