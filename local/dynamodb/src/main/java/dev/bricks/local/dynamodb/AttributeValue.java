package dev.bricks.local.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One DynamoDB attribute value. Immutable once built: maps, lists and sets are never changed after
 * construction (updates build new values), so values may be shared between items, indexes and stream records.
 */
final class AttributeValue {

    enum Type {
        S,
        N,
        B,
        BOOL,
        NULL,
        M,
        L,
        SS,
        NS,
        BS
    }

    /** Binary content with value semantics and DynamoDB's unsigned byte order. */
    record Binary(byte[] bytes) implements Comparable<Binary> {
        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public int compareTo(Binary o) {
            return Arrays.compareUnsigned(bytes, o.bytes);
        }

        @Override
        public String toString() {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
    }

    static final AttributeValue NULL = new AttributeValue(Type.NULL, Boolean.TRUE);
    static final AttributeValue TRUE = new AttributeValue(Type.BOOL, Boolean.TRUE);
    static final AttributeValue FALSE = new AttributeValue(Type.BOOL, Boolean.FALSE);

    final Type type;
    private final Object value;

    private AttributeValue(Type type, Object value) {
        this.type = type;
        this.value = value;
    }

    static AttributeValue s(String s) {
        return new AttributeValue(Type.S, s);
    }

    static AttributeValue n(BigDecimal n) {
        return new AttributeValue(Type.N, Numbers.canonical(n));
    }

    static AttributeValue b(byte[] b) {
        return new AttributeValue(Type.B, new Binary(b));
    }

    static AttributeValue bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    static AttributeValue m(Map<String, AttributeValue> m) {
        return new AttributeValue(Type.M, Collections.unmodifiableMap(m));
    }

    static AttributeValue l(List<AttributeValue> l) {
        return new AttributeValue(Type.L, Collections.unmodifiableList(l));
    }

    static AttributeValue ss(Set<String> s) {
        return new AttributeValue(Type.SS, Collections.unmodifiableSet(s));
    }

    static AttributeValue ns(Set<BigDecimal> s) {
        return new AttributeValue(Type.NS, Collections.unmodifiableSet(s));
    }

    static AttributeValue bs(Set<Binary> s) {
        return new AttributeValue(Type.BS, Collections.unmodifiableSet(s));
    }

    /** A set of the given set type from elements (already canonical, no duplicates). */
    @SuppressWarnings("unchecked")
    static AttributeValue set(Type type, Set<?> elements) {
        return switch (type) {
            case SS -> ss((Set<String>) elements);
            case NS -> ns((Set<BigDecimal>) elements);
            case BS -> bs((Set<Binary>) elements);
            default -> throw new IllegalArgumentException("not a set type: " + type);
        };
    }

    String s() {
        return (String) value;
    }

    BigDecimal n() {
        return (BigDecimal) value;
    }

    Binary b() {
        return (Binary) value;
    }

    boolean bool() {
        return (Boolean) value;
    }

    @SuppressWarnings("unchecked")
    Map<String, AttributeValue> m() {
        return (Map<String, AttributeValue>) value;
    }

    @SuppressWarnings("unchecked")
    List<AttributeValue> l() {
        return (List<AttributeValue>) value;
    }

    Set<?> set() {
        return (Set<?>) value;
    }

    boolean isSet() {
        return type == Type.SS || type == Type.NS || type == Type.BS;
    }

    boolean isScalarKeyType() {
        return type == Type.S || type == Type.N || type == Type.B;
    }

    /** Size in bytes as DynamoDB counts it for the 400 KB item limit (without the attribute name). */
    int size() {
        return switch (type) {
            case S -> utf8Length(s());
            case N -> Numbers.size(n());
            case B -> b().bytes().length;
            case BOOL, NULL -> 1;
            case SS, NS, BS -> setSize();
            case L -> listSize();
            case M -> mapSize();
        };
    }

    private int setSize() {
        int total = 0;
        for (Object element : set()) {
            total += switch (type) {
                case SS -> utf8Length((String) element);
                case NS -> Numbers.size((BigDecimal) element);
                default -> ((Binary) element).bytes().length;
            };
        }
        return total;
    }

    /** 3 bytes for the list plus 1 per element. */
    private int listSize() {
        int total = 3;
        for (AttributeValue element : l()) {
            total += 1 + element.size();
        }
        return total;
    }

    /** 3 bytes for the map plus 1 per entry, its UTF-8 name and its value. */
    private int mapSize() {
        int total = 3;
        for (Map.Entry<String, AttributeValue> e : m().entrySet()) {
            total += 1 + utf8Length(e.getKey()) + e.getValue().size();
        }
        return total;
    }

    static int itemSize(Map<String, AttributeValue> item) {
        int t = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            t += utf8Length(e.getKey()) + e.getValue().size();
        }
        return t;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Compares two S values in UTF-8 byte order (code point order), as DynamoDB does. */
    static int compareStrings(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Order of two values of the same scalar type (S, N or B); callers check the types first. */
    static int compareScalars(AttributeValue a, AttributeValue b) {
        switch (a.type) {
            case S:
                return compareStrings(a.s(), b.s());
            case N:
                return a.n().compareTo(b.n());
            case B:
                return a.b().compareTo(b.b());
            default:
                throw new IllegalArgumentException("not comparable: " + a.type);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributeValue a) || a.type != type) {
            return false;
        }
        if (type == Type.N) {
            return n().compareTo(a.n()) == 0;
        }
        return value.equals(a.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, type == Type.N ? n().stripTrailingZeros() : value);
    }

    @Override
    public String toString() {
        switch (type) {
            case S:
                return "{S:" + s() + "}";
            case N:
                return "{N:" + Numbers.format(n()) + "}";
            case NS: {
                List<String> l = new ArrayList<>();
                for (Object o : set()) l.add(Numbers.format((BigDecimal) o));
                return "{NS:" + l + "}";
            }
            default:
                return "{" + type + ":" + value + "}";
        }
    }

    /** Short description used in "AttributeValue: {S:x}" style messages. */
    String describe() {
        return "AttributeValue: " + this;
    }

    static Map<String, AttributeValue> copyOf(Map<String, AttributeValue> m) {
        return new LinkedHashMap<>(m);
    }
}
