package dev.bricks.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;

/**
 * Internal: a parsed JSON value, Bricks' own tree for the envelope parsers and for strict binding. It replaces
 * Jackson databind's tree on the handler's path: parsing with jackson-core's streaming parser into these few
 * classes loads none of databind's ~300 classes at cold start. The accessors follow databind's {@code JsonNode}
 * (same names, same answers), so code reads the same.
 *
 * <p>Not thread-safe while being built or rewritten; a finished tree may be read from any thread.
 *
 * <p><b>Not API</b> (see the package documentation): public only for core's other packages; may change in any
 * release.
 */
public abstract sealed class JsonValue implements Iterable<JsonValue>
        permits JsonObject, JsonArray, JsonText, JsonNumber, JsonBoolean, JsonNull {

    JsonValue() {}

    /** The member of an object, or null (also for any other kind of value). */
    public JsonValue get(String name) {
        return null;
    }

    /** The element of an array, or null (also for any other kind of value or an index out of range). */
    public JsonValue get(int index) {
        return null;
    }

    /** Whether an object has the member (a JSON null member counts). */
    public boolean has(String name) {
        return false;
    }

    /** The number of members or elements; 0 for a scalar. */
    public int size() {
        return 0;
    }

    /** Whether a container has no member or element; true for a scalar. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** An object's members in document order; empty for any other kind of value. */
    public Iterator<Map.Entry<String, JsonValue>> fields() {
        return Collections.emptyIterator();
    }

    /** An array's elements (an object's member values); empty for a scalar. */
    @Override
    public Iterator<JsonValue> iterator() {
        return Collections.emptyIterator();
    }

    public boolean isObject() {
        return false;
    }

    public boolean isArray() {
        return false;
    }

    public boolean isTextual() {
        return false;
    }

    public boolean isNumber() {
        return false;
    }

    /** A number without fraction or exponent in the document, or one converted to an integer. */
    public boolean isIntegralNumber() {
        return false;
    }

    public boolean isBoolean() {
        return false;
    }

    public boolean isNull() {
        return false;
    }

    /** A scalar: text, number, boolean or null. */
    public boolean isValueNode() {
        return false;
    }

    /** The string of a text value; null for any other kind. */
    public String textValue() {
        return null;
    }

    /** A scalar's text (a number's as Java writes it, {@code "null"} for null); {@code ""} for a container. */
    public String asText() {
        return "";
    }

    /** A number's value; null for any other kind. */
    public Number numberValue() {
        return null;
    }

    /** A number's value cut to an {@code int}; 0 for any other kind. */
    public int intValue() {
        return 0;
    }

    /** A number's value cut to a {@code long}; 0 for any other kind. */
    public long longValue() {
        return 0L;
    }

    /** A number's value as a {@code double}; 0 for any other kind. */
    public double doubleValue() {
        return 0.0;
    }

    /** A number's value as an integer (fraction dropped); {@link BigInteger#ZERO} for any other kind. */
    public BigInteger bigIntegerValue() {
        return BigInteger.ZERO;
    }

    /**
     * A number's exact value; {@link BigDecimal#ZERO} for any other kind.
     *
     * @throws NumberFormatException for a number too large for a {@code double} (read as infinite)
     */
    public BigDecimal decimalValue() {
        return BigDecimal.ZERO;
    }

    /** A boolean's value; false for any other kind. */
    public boolean booleanValue() {
        return false;
    }

    /** A boolean's value, {@code "true"} as text, an integer other than 0; false otherwise. */
    public boolean asBoolean() {
        return false;
    }

    /** The value as compact JSON text (characters outside the BMP as themselves, as databind's tree prints). */
    @Override
    public String toString() {
        return JsonSupport.text(this);
    }
}
