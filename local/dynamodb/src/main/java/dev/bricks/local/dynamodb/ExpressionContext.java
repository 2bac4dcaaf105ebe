package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ExpressionAttributeNames / ExpressionAttributeValues of one request, shared by all its expressions,
 * remembering which were used so that unused ones can be reported as DynamoDB does.
 */
final class ExpressionContext {
    final Map<String, String> names;
    final Map<String, AttributeValue> values;
    private final boolean namesGiven;
    private final boolean valuesGiven;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    ExpressionContext(JsonNode namesNode, JsonNode valuesNode) {
        namesGiven = namesNode != null && !namesNode.isNull();
        valuesGiven = valuesNode != null && !valuesNode.isNull();
        names = new LinkedHashMap<>();
        values = new LinkedHashMap<>();
        if (namesGiven) {
            checkNotEmpty("ExpressionAttributeNames", namesNode);
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            namesNode.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkKey("ExpressionAttributeNames", "#", e.getKey());
                if (e.getValue().asText().isEmpty()) {
                    throw DynamoException.validation(
                            "ExpressionAttributeNames contains invalid value: Empty attribute name for key "
                                    + e.getKey());
                }
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        if (valuesGiven) {
            checkNotEmpty("ExpressionAttributeValues", valuesNode);
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            valuesNode.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkKey("ExpressionAttributeValues", ":", e.getKey());
                try {
                    values.put(e.getKey(), AttributeValueJson.value(e.getValue(), 0));
                } catch (DynamoException ex) {
                    if (!ex.code.equals("ValidationException")) {
                        throw ex;
                    }
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid value: "
                            + ex.getMessage() + " for key " + e.getKey());
                }
            }
        }
    }

    private static void checkNotEmpty(String field, JsonNode map) {
        if (map.size() == 0) {
            throw DynamoException.validation(field + " must not be empty");
        }
    }

    /** A placeholder must be its prefix (# or :) followed by at least one character. */
    private static void checkKey(String field, String prefix, String key) {
        if (!key.startsWith(prefix) || key.length() < 2) {
            throw DynamoException.validation(field + " contains invalid key: Syntax error; key: \"" + key + "\"");
        }
    }

    /** The context of a request (or transaction item) carrying its own ExpressionAttributeNames / ExpressionAttributeValues. */
    static ExpressionContext of(JsonNode request) {
        return new ExpressionContext(request.get("ExpressionAttributeNames"), request.get("ExpressionAttributeValues"));
    }

    String name(String ref, String kind) {
        return resolve(names, usedNames, ref, kind, "name used in the document path", "name");
    }

    AttributeValue value(String ref, String kind) {
        return resolve(values, usedValues, ref, kind, "value used in expression", "value");
    }

    /** Looks ref up in defined, marking it used; an undefined ref is a ValidationException naming the expression kind. */
    private static <T> T resolve(
            Map<String, T> defined, Set<String> used, String ref, String kind, String what, String label) {
        T v = defined.get(ref);
        if (v == null) {
            throw DynamoException.validation("Invalid " + kind + ": An expression attribute " + what
                    + " is not defined; attribute " + label + ": " + ref);
        }
        used.add(ref);
        return v;
    }

    /** Called after all expressions of the request are parsed. */
    void checkUnused(boolean anyExpression) {
        if (!anyExpression) {
            if (namesGiven) {
                throw DynamoException.validation(
                        "ExpressionAttributeNames can only be specified when using expressions");
            }
            if (valuesGiven) {
                throw DynamoException.validation(
                        "ExpressionAttributeValues can only be specified when using expressions");
            }
            return;
        }
        checkAllUsed("ExpressionAttributeNames", names.keySet(), usedNames);
        checkAllUsed("ExpressionAttributeValues", values.keySet(), usedValues);
    }

    private static void checkAllUsed(String field, Set<String> defined, Set<String> used) {
        Set<String> unused = new LinkedHashSet<>(defined);
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw DynamoException.validation(
                    "Value provided in " + field + " unused in expressions: keys: {" + String.join(", ", unused) + "}");
        }
    }
}
