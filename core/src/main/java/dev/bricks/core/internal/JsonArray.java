package dev.bricks.core.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Internal: a JSON array.
 *
 * <p><b>Not API</b> (see the package documentation).
 */
public final class JsonArray extends JsonValue {

    private final List<JsonValue> elements = new ArrayList<>();

    /** An empty array, for building documents by hand. */
    public JsonArray() {}

    @Override
    public JsonValue get(int index) {
        return index >= 0 && index < elements.size() ? elements.get(index) : null;
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public Iterator<JsonValue> iterator() {
        return elements.iterator();
    }

    @Override
    public boolean isArray() {
        return true;
    }

    /** Appends an element; null appends JSON null. */
    public JsonArray add(JsonValue value) {
        elements.add(value == null ? JsonNull.INSTANCE : value);
        return this;
    }

    /** Appends a string; null appends JSON null. */
    public JsonArray add(String value) {
        return add(value == null ? JsonNull.INSTANCE : new JsonText(value));
    }

    /** Replaces the element at an existing index. */
    public void set(int index, JsonValue value) {
        elements.set(index, value == null ? JsonNull.INSTANCE : value);
    }
}
