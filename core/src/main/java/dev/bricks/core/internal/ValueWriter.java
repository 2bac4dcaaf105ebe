package dev.bricks.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON trees and the plain values handlers return (strings, numbers, booleans, maps with string keys,
 * collections, and what {@link RecordCodec} writes: plain records, enums, UUIDs, {@code java.time} values) with
 * jackson-core's generator, byte for byte as Bricks' databind configuration writes them (map entries whose value
 * is null are left out, as its NON_NULL inclusion does). Anything else throws {@link Unsupported}, and the caller
 * hands the whole value to databind. Stateless.
 */
final class ValueWriter {

    /** A value this writer leaves to databind; the output written so far must be discarded. */
    static final class Unsupported extends RuntimeException {
        Unsupported(Class<?> type) {
            super("written by databind: " + type.getName(), null, false, false);
        }
    }

    private ValueWriter() {}

    /** Writes a value or a tree. */
    static void write(Object value, JsonGenerator out) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof JsonValue tree) {
            tree(tree, out);
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Number n) {
            number(n, out);
        } else if (value instanceof Map<?, ?> map) {
            map(map, out);
        } else if (value instanceof Collection<?> collection) {
            out.writeStartArray();
            for (Object item : collection) {
                write(item, out);
            }
            out.writeEndArray();
        } else if (!RecordCodec.writeValue(value, out)) {
            throw new Unsupported(value.getClass());
        }
    }

    private static void number(Number n, JsonGenerator out) throws IOException {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            out.writeNumber(n.intValue());
        } else if (n instanceof Long l) {
            out.writeNumber(l);
        } else if (n instanceof Double d) {
            out.writeNumber(d);
        } else if (n instanceof Float f) {
            out.writeNumber(f);
        } else if (n instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (n instanceof BigInteger b) {
            out.writeNumber(b);
        } else {
            throw new Unsupported(n.getClass()); // AtomicLong and other Number types: databind decides
        }
    }

    private static void map(Map<?, ?> map, JsonGenerator out) throws IOException {
        out.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new Unsupported(
                        e.getKey() == null ? Object.class : e.getKey().getClass());
            }
            if (e.getValue() != null) {
                out.writeFieldName(key);
                write(e.getValue(), out);
            }
        }
        out.writeEndObject();
    }

    private static void tree(JsonValue value, JsonGenerator out) throws IOException {
        if (value.isObject()) {
            out.writeStartObject();
            for (Iterator<Map.Entry<String, JsonValue>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonValue> member = it.next();
                out.writeFieldName(member.getKey());
                tree(member.getValue(), out);
            }
            out.writeEndObject();
        } else if (value.isArray()) {
            out.writeStartArray();
            for (JsonValue element : value) {
                tree(element, out);
            }
            out.writeEndArray();
        } else if (value.isTextual()) {
            out.writeString(value.textValue());
        } else if (value.isNumber()) {
            number(value.numberValue(), out);
        } else if (value.isBoolean()) {
            out.writeBoolean(value.booleanValue());
        } else {
            out.writeNull();
        }
    }
}
