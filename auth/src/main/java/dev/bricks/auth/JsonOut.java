package dev.bricks.auth;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes the authorizer responses' JSON byte for byte: compact, members in insertion order, RFC 8259 string
 * escaping (control characters, U+2028 and U+2029 as {@code \}{@code uXXXX}). Not thread-safe (one instance per response).
 */
final class JsonOut {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final StringBuilder sb = new StringBuilder(512);

    JsonOut raw(String s) {
        sb.append(s);
        return this;
    }

    JsonOut string(String s) {
        sb.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            sb.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> sb.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        sb.append(s, run, s.length()).append('"');
        return this;
    }

    /** Any JSON value: String, Boolean, integral or finite Number, List, Map with String keys, null. */
    JsonOut value(Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof Long
                || v instanceof Integer
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("non-finite number");
            }
            sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (v instanceof Map<?, ?> m) {
            object(m);
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(l.get(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException(
                    "not a JSON value: " + v.getClass().getName());
        }
        return this;
    }

    JsonOut object(Map<?, ?> m) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("map key is not a string");
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(key).raw(":").value(e.getValue());
        }
        sb.append('}');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
