package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Small helpers for reading request members with DynamoDB's validation messages. */
final class RequestFields {
    private RequestFields() {}

    static String str(JsonNode req, String field) {
        JsonNode n = req.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw DynamoException.serialization("Expected a string for " + field);
        }
        return n.textValue();
    }

    static JsonNode node(JsonNode req, String field) {
        JsonNode n = req.get(field);
        return n == null || n.isNull() ? null : n;
    }

    static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static DynamoException constraint(String value, String field, String constraint) {
        return DynamoException.validation("1 validation error detected: Value " + value + " at '" + field
                + "' failed to satisfy constraint: " + constraint);
    }

    static String tableName(JsonNode req) {
        return tableName(str(req, "TableName"), "tableName");
    }

    static String tableName(String name, String field) {
        if (name == null) {
            throw constraint("null", field, "Member must not be null");
        }
        if (name.length() < 3) {
            throw constraint("'" + name + "'", field, "Member must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw constraint("'" + name + "'", field, "Member must have length less than or equal to 255");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '_'
                    || c == '.'
                    || c == '-')) {
                throw constraint(
                        "'" + name + "'", field, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
            }
        }
        return name;
    }

    static String oneOf(JsonNode req, String field, String dflt, Set<String> allowed) {
        String v = str(req, field);
        if (v == null) {
            return dflt;
        }
        if (!allowed.contains(v)) {
            throw constraint("'" + v + "'", lowerFirst(field), "Member must satisfy enum value set: " + allowed);
        }
        return v;
    }

    static Integer intField(JsonNode req, String field, int min, int max) {
        JsonNode n = node(req, field);
        if (n == null) {
            return null;
        }
        if (!n.canConvertToInt()) {
            throw DynamoException.serialization("Expected an integer for " + field);
        }
        int v = n.intValue();
        if (v < min) {
            throw constraint(
                    "'" + v + "'", lowerFirst(field), "Member must have value greater than or equal to " + min);
        }
        if (v > max) {
            throw constraint("'" + v + "'", lowerFirst(field), "Member must have value less than or equal to " + max);
        }
        return v;
    }

    static final Set<String> LEGACY = Set.of(
            "Expected",
            "ConditionalOperator",
            "AttributesToGet",
            "AttributeUpdates",
            "KeyConditions",
            "QueryFilter",
            "ScanFilter");

    static void noLegacy(JsonNode req) {
        for (String f : LEGACY) {
            if (node(req, f) != null) {
                throw DynamoException.validation("Legacy parameter " + f
                        + " is not supported by Bricks local DynamoDB; use the expression parameters instead");
            }
        }
    }
}
