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

    final TreeMap<AttributeValue, TreeMap<KeyTuple, Map<String, AttributeValue>>> partitions =
            new TreeMap<>(KeyTuple::compareKey);
    long count;
    long bytes;

    ItemStore(TableDefinition.KeySchema tableKey, TableDefinition.IndexDefinition index) {
        this.tableKey = tableKey;
        this.index = index;
    }

    TableDefinition.KeySchema key() {
        return index == null ? tableKey : index.key();
    }

    /** The partition key of item in this store, or null when the item is not in it (sparse index). */
    AttributeValue partition(Map<String, AttributeValue> item) {
        return item.get(key().hash());
    }

    /** The sort tuple of item, or null when an index sort key is missing. */
    KeyTuple sortTuple(Map<String, AttributeValue> item) {
        if (index == null) {
            return tableKey.range() == null
                    ? KeyTuple.EMPTY
                    : new KeyTuple(new AttributeValue[] {item.get(tableKey.range())});
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
        Map<String, AttributeValue> old =
                partitions.computeIfAbsent(pk, k -> new TreeMap<>()).put(sk, item);
        if (old != null) {
            count--;
            bytes -= storedSize(old);
        }
        count++;
        bytes += storedSize(item);
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
            bytes -= storedSize(old);
        }
        if (p.isEmpty()) {
            partitions.remove(pk);
        }
    }

    NavigableMap<KeyTuple, Map<String, AttributeValue>> partition(AttributeValue pk) {
        TreeMap<KeyTuple, Map<String, AttributeValue>> p = partitions.get(pk);
        return p == null ? new TreeMap<>() : p;
    }

    /** Per-entry overhead DynamoDB adds to the size of each index entry (IndexSizeBytes). */
    static final int INDEX_ENTRY_OVERHEAD = 100;

    /** The size of item as read from this store: the whole item for the table, the projected entry for an index. */
    long entrySize(Map<String, AttributeValue> item) {
        return index == null ? AttributeValue.itemSize(item) : AttributeValue.itemSize(index.project(item, tableKey));
    }

    /** The size the store accounts for an item: its entry size, plus DynamoDB's 100-byte overhead for an index entry. */
    private long storedSize(Map<String, AttributeValue> item) {
        return index == null ? entrySize(item) : entrySize(item) + INDEX_ENTRY_OVERHEAD;
    }

    /** Whether item has an entry in this store (an index is sparse: items without its key attributes are absent). */
    boolean holds(Map<String, AttributeValue> item) {
        return item != null && partition(item) != null && sortTuple(item) != null;
    }

    /**
     * Write units an index spends when old becomes newItem (either may be null): none when its projected entry is
     * unchanged, one per started KB when an entry appears, disappears or changes in place, and a delete plus a put
     * when the entry's index key changes.
     */
    double entryWriteUnits(Map<String, AttributeValue> old, Map<String, AttributeValue> newItem) {
        boolean hadEntry = holds(old);
        boolean hasEntry = holds(newItem);
        if (!hadEntry && !hasEntry) {
            return 0;
        }
        if (!hadEntry) {
            return Capacity.writeUnits(entrySize(newItem));
        }
        if (!hasEntry) {
            return Capacity.writeUnits(entrySize(old));
        }
        Map<String, AttributeValue> before = index.project(old, tableKey);
        Map<String, AttributeValue> after = index.project(newItem, tableKey);
        if (before.equals(after)) {
            return 0;
        }
        boolean keyChanged =
                !partition(old).equals(partition(newItem)) || !sortTuple(old).equals(sortTuple(newItem));
        return keyChanged
                ? Capacity.writeUnits(entrySize(old)) + Capacity.writeUnits(entrySize(newItem))
                : Capacity.writeUnits(entrySize(newItem));
    }
}
