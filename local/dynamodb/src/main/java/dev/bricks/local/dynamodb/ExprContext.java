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
final class ExprContext {
    final Map<String, String> names;
    final Map<String, Av> values;
    private final boolean namesGiven;
    private final boolean valuesGiven;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    ExprContext(JsonNode namesNode, JsonNode valuesNode) {
        namesGiven = namesNode != null && !namesNode.isNull();
        valuesGiven = valuesNode != null && !valuesNode.isNull();
        names = new LinkedHashMap<>();
        values = new LinkedHashMap<>();
        if (namesGiven) {
            if (namesNode.size() == 0) throw DynamoException.validation("ExpressionAttributeNames must not be empty");
            for (Iterator<Map.Entry<String, JsonNode>> it = namesNode.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith("#") || e.getKey().length() < 2) {
                    throw DynamoException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
                }
                if (e.getValue().asText().isEmpty()) {
                    throw DynamoException.validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + e.getKey());
                }
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        if (valuesGiven) {
            if (valuesNode.size() == 0) throw DynamoException.validation("ExpressionAttributeValues must not be empty");
            for (Iterator<Map.Entry<String, JsonNode>> it = valuesNode.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith(":") || e.getKey().length() < 2) {
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
                }
                try {
                    values.put(e.getKey(), AvJson.value(e.getValue(), 0));
                } catch (DynamoException ex) {
                    if (!ex.code.equals("ValidationException")) throw ex;
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid value: " + ex.getMessage() + " for key " + e.getKey());
                }
            }
        }
    }

    String name(String ref, String kind) {
        String n = names.get(ref);
        if (n == null) {
            throw DynamoException.validation("Invalid " + kind + ": An expression attribute name used in the document path is not defined; attribute name: " + ref);
        }
        usedNames.add(ref);
        return n;
    }

    Av value(String ref, String kind) {
        Av v = values.get(ref);
        if (v == null) {
            throw DynamoException.validation("Invalid " + kind + ": An expression attribute value used in expression is not defined; attribute value: " + ref);
        }
        usedValues.add(ref);
        return v;
    }

    /** Called after all expressions of the request are parsed. */
    void checkUnused(boolean anyExpression) {
        if (!anyExpression) {
            if (namesGiven) throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
            if (valuesGiven) throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions");
            return;
        }
        Set<String> unusedNames = new LinkedHashSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new LinkedHashSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unusedValues) + "}");
        }
    }
}
