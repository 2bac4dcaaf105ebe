package dev.bricks.observability.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one JSON document against the rules of CloudWatch's Embedded Metric Format specification and
 * returns every violation (empty when valid).
 */
public final class EmfValidator {

    private static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    private EmfValidator() {}

    public static List<String> violations(JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (!root.isObject()) {
            problems.add("root is not an object");
            return problems;
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("_aws missing or not an object");
            return problems;
        }
        JsonNode timestamp = aws.get("Timestamp");
        if (timestamp == null || !timestamp.isIntegralNumber() || timestamp.asLong() < 1_000_000_000_000L) {
            problems.add("_aws.Timestamp must be epoch milliseconds, was " + timestamp);
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics must be a non-empty array");
            return problems;
        }
        for (JsonNode directive : directives) {
            JsonNode namespace = directive.get("Namespace");
            if (namespace == null
                    || !namespace.isTextual()
                    || namespace.asText().isEmpty()
                    || namespace.asText().length() > 255) {
                problems.add("Namespace must be a 1-255 character string, was " + namespace);
            }
            JsonNode dimensions = directive.get("Dimensions");
            if (dimensions == null || !dimensions.isArray()) {
                problems.add("Dimensions must be an array of dimension sets");
            } else {
                for (JsonNode set : dimensions) {
                    if (!set.isArray()) {
                        problems.add("a dimension set is not an array: " + set);
                        continue;
                    }
                    if (set.size() > 30) {
                        problems.add("dimension set has " + set.size() + " keys (max 30)");
                    }
                    for (JsonNode key : set) {
                        JsonNode member = root.get(key.asText());
                        if (!key.isTextual() || member == null || !member.isTextual()) {
                            problems.add("dimension " + key + " is not a top-level string member");
                        }
                    }
                }
            }
            JsonNode metrics = directive.get("Metrics");
            if (metrics == null || !metrics.isArray()) {
                problems.add("Metrics must be an array");
                continue;
            }
            if (metrics.size() > 100) {
                problems.add("directive has " + metrics.size() + " metrics (max 100)");
            }
            Set<String> names = new HashSet<>();
            for (JsonNode metric : metrics) {
                JsonNode name = metric.get("Name");
                if (name == null
                        || !name.isTextual()
                        || name.asText().isEmpty()
                        || name.asText().length() > 1024) {
                    problems.add("metric Name must be a 1-1024 character string, was " + name);
                    continue;
                }
                if (!names.add(name.asText())) {
                    problems.add("metric " + name + " defined twice in one directive");
                }
                JsonNode unit = metric.get("Unit");
                if (unit != null && !UNITS.contains(unit.asText())) {
                    problems.add("metric " + name + " has unknown Unit " + unit);
                }
                JsonNode resolution = metric.get("StorageResolution");
                if (resolution != null && !(resolution.asInt() == 1 || resolution.asInt() == 60)) {
                    problems.add("metric " + name + " StorageResolution must be 1 or 60, was " + resolution);
                }
                JsonNode value = root.get(name.asText());
                if (value == null) {
                    problems.add("metric " + name + " has no top-level member");
                } else if (value.isArray()) {
                    if (value.size() > 100) {
                        problems.add("metric " + name + " has " + value.size() + " values (max 100)");
                    }
                    for (JsonNode element : value) {
                        if (!element.isNumber()) {
                            problems.add("metric " + name + " value " + element + " is not a number");
                        }
                    }
                } else if (!value.isNumber()) {
                    problems.add("metric " + name + " value " + value + " is not a number or array of numbers");
                }
            }
        }
        return problems;
    }
}
