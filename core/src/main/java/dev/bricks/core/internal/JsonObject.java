package dev.bricks.core.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Internal: a JSON object, members in document order (a repeated name keeps its first place and its last value,
 * as databind's tree does).
 *
 * <p><b>Not API</b> (see the package documentation).
 */
public final class JsonObject extends JsonValue {

    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    /** An empty object, for building documents by hand. */
    public JsonObject() {}

    @Override
    public JsonValue get(String name) {
        return members.get(name);
    }

    @Override
    public boolean has(String name) {
        return members.containsKey(name);
    }

    @Override
    public int size() {
        return members.size();
    }

    /** The members in order; an entry's {@code setValue} replaces the member in place. */
    @Override
    public Iterator<Map.Entry<String, JsonValue>> fields() {
        return members.entrySet().iterator();
    }

    @Override
    public Iterator<JsonValue> iterator() {
        return members.values().iterator();
    }

    @Override
    public boolean isObject() {
        return true;
    }

    /** Sets a member (replacing one of that name); a null value sets JSON null. */
    public JsonObject set(String name, JsonValue value) {
        members.put(name, value == null ? JsonNull.INSTANCE : value);
        return this;
    }

    /** Sets a string member; a null value sets JSON null. */
    public JsonObject put(String name, String value) {
        return set(name, value == null ? JsonNull.INSTANCE : new JsonText(value));
    }

    /** Sets a number member. */
    public JsonObject put(String name, int value) {
        return set(name, new JsonNumber(value));
    }

    /** Sets a boolean member. */
    public JsonObject put(String name, boolean value) {
        return set(name, JsonBoolean.of(value));
    }

    /** Sets a new empty object as a member and returns it. */
    public JsonObject putObject(String name) {
        JsonObject child = new JsonObject();
        set(name, child);
        return child;
    }

    /** Sets a new empty array as a member and returns it. */
    public JsonArray putArray(String name) {
        JsonArray child = new JsonArray();
        set(name, child);
        return child;
    }
}
