package dev.bricks.core.internal;

import dev.bricks.core.InvalidEventException;
import dev.bricks.core.json.JsonException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal: null-safe reads from a JSON tree for the envelope parsers.
 *
 * <p><b>Not API</b> (see the package documentation): public only for core's other packages; may change in any
 * release.
 */
public final class Nodes {

    private Nodes() {}

    /**
     * The JSON tree of a raw event.
     *
     * @param what the event's name in messages, such as {@code "SQS event"}
     * @throws InvalidEventException "{@code <what> is not JSON: …}" when the bytes are not JSON
     */
    public static JsonValue eventTree(byte[] raw, String what) {
        try {
            return JsonSupport.tree(raw);
        } catch (JsonException e) {
            throw new InvalidEventException(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON object of a raw event.
     *
     * @param what the event's name in messages, such as {@code "EventBridge event"}
     * @throws InvalidEventException when the bytes are not JSON, or "{@code <what> must be a JSON object}"
     */
    public static JsonValue eventObject(byte[] raw, String what) {
        JsonValue root = eventTree(raw, what);
        if (!root.isObject()) {
            throw new InvalidEventException(what + " must be a JSON object");
        }
        return root;
    }

    /**
     * The {@code Records} array of a batch event (SQS, S3, DynamoDB stream).
     *
     * @throws InvalidEventException "{@code <what>: missing array member 'Records'}" when absent or not an array
     */
    public static JsonValue records(JsonValue root, String what) {
        JsonValue records = root.get("Records");
        if (records == null || !records.isArray()) {
            throw new InvalidEventException(what + ": missing array member 'Records'");
        }
        return records;
    }

    /** The text of a member, or null when absent or JSON null; numbers and booleans as their text. */
    public static String text(JsonValue node, String field) {
        if (node == null) {
            return null;
        }
        JsonValue value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** A member that must be present. */
    public static String required(JsonValue node, String field, String what) {
        String value = text(node, field);
        if (value == null) {
            throw new InvalidEventException(what + ": missing required member '" + field + "'");
        }
        return value;
    }

    /** The child object, or null. */
    public static JsonValue object(JsonValue node, String field) {
        if (node == null) {
            return null;
        }
        JsonValue value = node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** A long member, or the default. */
    public static long longValue(JsonValue node, String field, long defaultValue) {
        String text = text(node, field);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(text);
            } catch (NumberFormatException e2) {
                throw new InvalidEventException("member '" + field + "' is not a number");
            }
        }
    }

    /** A boolean member (JSON boolean or "true"/"false"), or false. */
    public static boolean bool(JsonValue node, String field) {
        String text = text(node, field);
        return "true".equalsIgnoreCase(text);
    }

    /** An object of string values as an unmodifiable, insertion-ordered map; empty when absent. */
    public static Map<String, String> stringMap(JsonValue node, String field) {
        JsonValue obj = object(node, field);
        if (obj == null) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonValue>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonValue> e = it.next();
            if (!e.getValue().isNull()) {
                map.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** An object of string arrays; empty when absent. */
    public static Map<String, List<String>> stringListMap(JsonValue node, String field) {
        JsonValue obj = object(node, field);
        if (obj == null) {
            return Map.of();
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonValue>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonValue> e = it.next();
            map.put(e.getKey(), stringList(e.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** A string array member; empty when absent. */
    public static List<String> stringList(JsonValue node, String field) {
        return node == null ? List.of() : stringList(node.get(field));
    }

    /** A string array (or a single string) as a list; empty when absent. */
    public static List<String> stringList(JsonValue value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> list = new ArrayList<>(value.size());
            for (JsonValue v : value) {
                list.add(v.asText());
            }
            return List.copyOf(list);
        }
        return List.of(value.asText());
    }

    /** A JSON object converted to plain Java values (String, Number, Boolean, List, Map); empty when absent. */
    public static Map<String, Object> plainMap(JsonValue obj) {
        if (obj == null || !obj.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonValue>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonValue> e = it.next();
            Object v = plain(e.getValue());
            if (v != null) {
                map.put(e.getKey(), v);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** A JSON value as a plain Java value, or null for JSON null. */
    public static Object plain(JsonValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject()) {
            return plainMap(v);
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            for (JsonValue e : v) {
                list.add(plain(e));
            }
            return Collections.unmodifiableList(list);
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        return v.asText();
    }
}
