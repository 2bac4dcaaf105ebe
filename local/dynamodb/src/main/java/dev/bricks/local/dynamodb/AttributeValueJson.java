package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts between DynamoDB's JSON attribute values and {@link AttributeValue}, applying DynamoDB's validation rules. */
final class AttributeValueJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 32;

    private AttributeValueJson() {}

    static Map<String, AttributeValue> item(JsonNode node) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return m;
        }
        if (!node.isObject()) {
            throw DynamoException.serialization("Start of structure or map found where not expected");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), value(e.getValue(), 0));
        }
        return m;
    }

    static AttributeValue value(JsonNode node, int depth) {
        if (node == null || !node.isObject()) {
            throw DynamoException.serialization("Unexpected value type in payload");
        }
        if (depth > MAX_DEPTH) {
            throw DynamoException.validation("Nesting Levels have exceeded supported limits");
        }
        int n = node.size();
        if (n == 0) {
            throw DynamoException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (n > 1) {
            int set = 0;
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                if (!it.next().isNull()) {
                    set++;
                }
            }
            if (set > 1) {
                throw DynamoException.validation(
                        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
            }
            if (set == 0) {
                throw DynamoException.validation(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        Map.Entry<String, JsonNode> e = fields.next();
        while (e.getValue().isNull() && fields.hasNext()) e = fields.next();
        JsonNode v = e.getValue();
        switch (e.getKey()) {
            case "S":
                return AttributeValue.s(text(v));
            case "N":
                return AttributeValue.n(Numbers.parse(text(v)));
            case "B":
                return AttributeValue.b(bytes(v));
            case "BOOL":
                if (!v.isBoolean()) {
                    throw DynamoException.serialization("BOOL must be a boolean");
                }
                return AttributeValue.bool(v.booleanValue());
            case "NULL":
                if (!v.isBoolean()) {
                    throw DynamoException.serialization("NULL must be a boolean");
                }
                if (!v.booleanValue()) {
                    throw DynamoException.invalidParams("Null attribute value types must have the value of true");
                }
                return AttributeValue.NULL;
            case "M": {
                if (!v.isObject()) {
                    throw DynamoException.serialization("M must be an object");
                }
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> me = it.next();
                    m.put(me.getKey(), value(me.getValue(), depth + 1));
                }
                return AttributeValue.m(m);
            }
            case "L": {
                if (!v.isArray()) {
                    throw DynamoException.serialization("L must be an array");
                }
                List<AttributeValue> l = new ArrayList<>(v.size());
                for (JsonNode x : v) {
                    l.add(value(x, depth + 1));
                }
                return AttributeValue.l(l);
            }
            case "SS": {
                array(v);
                if (v.size() == 0) {
                    throw DynamoException.invalidParams("An string set  may not be empty");
                }
                Set<String> s = new LinkedHashSet<>();
                for (JsonNode x : v) {
                    if (!s.add(text(x))) {
                        throw duplicates(v);
                    }
                }
                return AttributeValue.ss(s);
            }
            case "NS": {
                array(v);
                if (v.size() == 0) {
                    throw DynamoException.invalidParams("An number set  may not be empty");
                }
                Set<BigDecimal> s = new LinkedHashSet<>();
                for (JsonNode x : v) {
                    if (!s.add(Numbers.parse(text(x)))) {
                        throw duplicates(v);
                    }
                }
                return AttributeValue.ns(s);
            }
            case "BS": {
                array(v);
                if (v.size() == 0) {
                    throw DynamoException.invalidParams("Binary sets should not be empty");
                }
                Set<AttributeValue.Binary> s = new LinkedHashSet<>();
                for (JsonNode x : v) {
                    if (!s.add(new AttributeValue.Binary(bytes(x)))) {
                        throw duplicates(v);
                    }
                }
                return AttributeValue.bs(s);
            }
            default:
                throw DynamoException.serialization("Unknown attribute value type: " + e.getKey());
        }
    }

    private static DynamoException duplicates(JsonNode v) {
        List<String> l = new ArrayList<>();
        for (JsonNode x : v) {
            l.add(x.asText());
        }
        return DynamoException.invalidParams("Input collection " + l + " contains duplicates.");
    }

    private static void array(JsonNode v) {
        if (!v.isArray()) {
            throw DynamoException.serialization("Set must be an array");
        }
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw DynamoException.serialization("Expected a string value");
        }
        return v.textValue();
    }

    private static byte[] bytes(JsonNode v) {
        try {
            return Base64.getMimeDecoder().decode(text(v));
        } catch (IllegalArgumentException ex) {
            throw DynamoException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: "
                    + v.asText().length());
        }
    }

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            o.set(e.getKey(), toJson(e.getValue()));
        }
        return o;
    }

    static ObjectNode toJson(AttributeValue a) {
        ObjectNode o = NODES.objectNode();
        switch (a.type) {
            case S -> o.put("S", a.s());
            case N -> o.put("N", Numbers.format(a.n()));
            case B -> o.put("B", Base64.getEncoder().encodeToString(a.b().bytes()));
            case BOOL -> o.put("BOOL", a.bool());
            case NULL -> o.put("NULL", true);
            case M -> o.set("M", toJson(a.m()));
            case L -> {
                ArrayNode arr = o.putArray("L");
                for (AttributeValue x : a.l()) {
                    arr.add(toJson(x));
                }
            }
            case SS -> {
                ArrayNode arr = o.putArray("SS");
                for (Object x : a.set()) {
                    arr.add((String) x);
                }
            }
            case NS -> {
                ArrayNode arr = o.putArray("NS");
                for (Object x : a.set()) {
                    arr.add(Numbers.format((BigDecimal) x));
                }
            }
            case BS -> {
                ArrayNode arr = o.putArray("BS");
                for (Object x : a.set()) {
                    arr.add(Base64.getEncoder().encodeToString(((AttributeValue.Binary) x).bytes()));
                }
            }
        }
        return o;
    }
}
