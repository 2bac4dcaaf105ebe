package dev.bricks.local.dynamodb;

import java.util.Arrays;

/** The ordered sort part of an item's position inside a partition (table sort key, or index sort key + table key). */
record KeyTuple(AttributeValue[] parts) implements Comparable<KeyTuple> {
    static final KeyTuple EMPTY = new KeyTuple(new AttributeValue[0]);

    @Override
    public int compareTo(KeyTuple o) {
        int n = Math.min(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            int c = compareKey(parts[i], o.parts[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(parts.length, o.parts.length);
    }

    static int compareKey(AttributeValue a, AttributeValue b) {
        if (a.type != b.type) {
            return a.type.compareTo(b.type);
        }
        return AttributeValue.compareScalars(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyTuple k && Arrays.equals(parts, k.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return Arrays.toString(parts);
    }
}
