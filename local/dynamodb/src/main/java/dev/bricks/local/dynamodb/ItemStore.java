package dev.bricks.local.dynamodb;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Items of a table or of one secondary index, by partition key then sort tuple. Not thread-safe: guarded by the
 * owning table's lock.
 */
final class ItemStore {
    final TableDef.KeyDef tableKey;
    /** The index definition, or null for the table itself. */
    final TableDef.IndexDef index;
    final TreeMap<Av, TreeMap<KeyTuple, Map<String, Av>>> partitions = new TreeMap<>(KeyTuple::compareKey);
    long count;
    long bytes;

    ItemStore(TableDef.KeyDef tableKey, TableDef.IndexDef index) {
        this.tableKey = tableKey;
        this.index = index;
    }

    TableDef.KeyDef key() { return index == null ? tableKey : index.key(); }

    /** The partition key of item in this store, or null when the item is not in it (sparse index). */
    Av partition(Map<String, Av> item) {
        return item.get(key().hash());
    }

    /** The sort tuple of item, or null when an index sort key is missing. */
    KeyTuple sortTuple(Map<String, Av> item) {
        if (index == null) {
            return tableKey.range() == null ? KeyTuple.EMPTY : new KeyTuple(new Av[] {item.get(tableKey.range())});
        }
        String r = index.key().range();
        Av rv = r == null ? null : item.get(r);
        if (r != null && rv == null) return null;
        Av th = item.get(tableKey.hash());
        Av tr = tableKey.range() == null ? null : item.get(tableKey.range());
        int n = (r != null ? 1 : 0) + 1 + (tr != null ? 1 : 0);
        Av[] parts = new Av[n];
        int i = 0;
        if (r != null) parts[i++] = rv;
        parts[i++] = th;
        if (tr != null) parts[i] = tr;
        return new KeyTuple(parts);
    }

    Map<String, Av> get(Av pk, KeyTuple sk) {
        TreeMap<KeyTuple, Map<String, Av>> p = partitions.get(pk);
        return p == null ? null : p.get(sk);
    }

    void put(Map<String, Av> item) {
        Av pk = partition(item);
        if (pk == null) return;
        KeyTuple sk = sortTuple(item);
        if (sk == null) return;
        Map<String, Av> old = partitions.computeIfAbsent(pk, k -> new TreeMap<>()).put(sk, item);
        if (old != null) { count--; bytes -= Av.itemSize(old); }
        count++;
        bytes += Av.itemSize(item);
    }

    void remove(Map<String, Av> item) {
        Av pk = partition(item);
        if (pk == null) return;
        KeyTuple sk = sortTuple(item);
        if (sk == null) return;
        TreeMap<KeyTuple, Map<String, Av>> p = partitions.get(pk);
        if (p == null) return;
        Map<String, Av> old = p.remove(sk);
        if (old != null) { count--; bytes -= Av.itemSize(old); }
        if (p.isEmpty()) partitions.remove(pk);
    }

    NavigableMap<KeyTuple, Map<String, Av>> partition(Av pk) {
        TreeMap<KeyTuple, Map<String, Av>> p = partitions.get(pk);
        return p == null ? new TreeMap<>() : p;
    }
}
