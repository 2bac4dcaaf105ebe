package dev.bricks.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item size as DynamoDB counts it (attribute names + values, UTF-8), and the empty-set check. The size is a
 * close upper estimate for numbers (DynamoDB stores them more compactly).
 */
final class ItemSize {
    /** DynamoDB's item size limit: 400 KB. */
    static final long MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    private static long of(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return v.n().length() / 2 + 2;
        }
        if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        }
        if (v.bool() != null || v.nul() != null) {
            return 1;
        }
        long size = 3;
        if (v.hasSs()) {
            for (String s : v.ss()) {
                size += utf8(s);
            }
        } else if (v.hasNs()) {
            for (String n : v.ns()) {
                size += n.length() / 2 + 2;
            }
        } else if (v.hasBs()) {
            for (var b : v.bs()) {
                size += b.asByteArrayUnsafe().length;
            }
        } else if (v.hasL()) {
            for (AttributeValue e : v.l()) {
                size += 1 + of(e);
            }
        } else if (v.hasM()) {
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + of(e.getValue());
            }
        }
        return size;
    }

    private static long utf8(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /** Throws if the item is too large or holds an empty set anywhere. */
    static void validate(String entityType, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String empty = emptySet(e.getKey(), e.getValue());
            if (empty != null) {
                throw new EmptySetException(entityType, EntityKey.describe(key), empty);
            }
        }
        long size = of(item);
        if (size > MAX_ITEM_BYTES) {
            throw new ItemTooLargeException(entityType, EntityKey.describe(key), size);
        }
    }

    private static String emptySet(String path, AttributeValue v) {
        if (isEmptySet(v)) {
            return path;
        }
        if (v.hasM()) {
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                String p = emptySet(e.getKey(), e.getValue()); // paths are built only for the one found
                if (p != null) {
                    return path + "." + p;
                }
            }
        } else if (v.hasL()) {
            List<AttributeValue> l = v.l();
            for (int i = 0; i < l.size(); i++) {
                String p = emptySet("", l.get(i));
                if (p != null) {
                    return path + "[" + i + "]" + p;
                }
            }
        }
        return null;
    }

    static boolean isEmptySet(AttributeValue v) {
        return v.hasSs() && v.ss().isEmpty() || v.hasNs() && v.ns().isEmpty() || v.hasBs() && v.bs().isEmpty();
    }
}
