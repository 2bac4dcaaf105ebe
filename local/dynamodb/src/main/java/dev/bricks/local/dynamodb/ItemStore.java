package dev.bricks.local.dynamodb;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Items of a table or of one secondary index, by partition key then sort tuple. Not thread-safe: guarded by the
 * owning table's lock.
 */
final class ItemStore {
    final TableDefinition.KeySchema tableKey;
    /** The index definition, or null for the table itself. */
    final TableDefinition.IndexDefinition index;
    final TreeMap<AttributeValue, TreeMap<KeyTuple, Map<String, AttributeValue>>> partitions = new TreeMap<>(KeyTuple::compareKey);
    long count;
    long bytes;

    ItemStore(TableDefinition.KeySchema tableKey, TableDefinition.IndexDefinition index) {
        this.tableKey = tableKey;
        this.index = index;
    }

    TableDefinition.KeySchema key() { return index == null ? tableKey : index.key(); }

    /** The partition key of item in this store, or null when the item is not in it (sparse index). */
    AttributeValue partition(Map<String, AttributeValue> item) {
        return item.get(key().hash());
    }

    /** The sort tuple of item, or null when an index sort key is missing. */
    KeyTuple sortTuple(Map<String, AttributeValue> item) {
        if (index == null) {
            return tableKey.range() == null ? KeyTuple.EMPTY : new KeyTuple(new AttributeValue[] {item.get(tableKey.range())});
        }
        String r = index.key().range();
        AttributeValue rv = r == null ? null : item.get(r);
        if (r != null && rv == null) {
            return null;
        }
        AttributeValue th = item.get(tableKey.hash());
        AttributeValue tr = tableKey.range() == null ? null : item.get(tableKey.range());
        int n = (r != null ? 1 : 0) + 1 + (tr != null ? 1 : 0);
        AttributeValue[] parts = new AttributeValue[n];
        int i = 0;
        if (r != null) {
            parts[i++] = rv;
        }
        parts[i++] = th;
        if (tr != null) {
            parts[i] = tr;
        }
        return new KeyTuple(parts);
    }

    Map<String, AttributeValue> get(AttributeValue pk, KeyTuple sk) {
        TreeMap<KeyTuple, Map<String, AttributeValue>> p = partitions.get(pk);
        return p == null ? null : p.get(sk);
    }

    void put(Map<String, AttributeValue> item) {
        AttributeValue pk = partition(item);
        if (pk == null) {
            return;
        }
        KeyTuple sk = sortTuple(item);
        if (sk == null) {
            return;
        }
        Map<String, AttributeValue> old = partitions.computeIfAbsent(pk, k -> new TreeMap<>()).put(sk, item);
        if (old != null) {
            count--;
            bytes -= AttributeValue.itemSize(old);
        }
        count++;
        bytes += AttributeValue.itemSize(item);
    }

    void remove(Map<String, AttributeValue> item) {
        AttributeValue pk = partition(item);
        if (pk == null) {
            return;
        }
        KeyTuple sk = sortTuple(item);
        if (sk == null) {
            return;
        }
        TreeMap<KeyTuple, Map<String, AttributeValue>> p = partitions.get(pk);
        if (p == null) {
            return;
        }
        Map<String, AttributeValue> old = p.remove(sk);
        if (old != null) {
            count--;
            bytes -= AttributeValue.itemSize(old);
        }
        if (p.isEmpty()) {
            partitions.remove(pk);
        }
    }

    NavigableMap<KeyTuple, Map<String, AttributeValue>> partition(AttributeValue pk) {
        TreeMap<KeyTuple, Map<String, AttributeValue>> p = partitions.get(pk);
        return p == null ? new TreeMap<>() : p;
    }
}
