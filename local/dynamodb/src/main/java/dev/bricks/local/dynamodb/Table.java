package dev.bricks.local.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A table: its definition, items, secondary indexes and streams. Item reads take the read lock, writes the write
 * lock, so each item operation is linearizable; transactions lock all their tables in name order.
 */
final class Table {
    volatile TableDefinition def;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final ItemStore items;
    final Map<String, ItemStore> indexes = new LinkedHashMap<>();
    final List<StreamLog> streams = new ArrayList<>();
    volatile StreamLog currentStream;
    volatile boolean deleted;
    private final Engine engine;

    Table(TableDefinition def, Engine engine) {
        this.def = def;
        this.engine = engine;
        this.items = new ItemStore(def.key(), null);
        for (TableDefinition.IndexDefinition d : def.indexes()) {
            indexes.put(d.name(), new ItemStore(def.key(), d));
        }
        if (def.streamViewType() != null) {
            startStream(def.streamViewType());
        }
    }

    void startStream(String viewType) {
        StreamLog s = new StreamLog(def.arn(), def.name(), def.key(), viewType, engine.peekSequence());
        streams.add(s);
        currentStream = s;
    }

    void stopStream() {
        String seq = null;
        StreamLog s = currentStream;
        if (s != null) {
            s.disable(engine.peekSequence());
        }
        currentStream = null;
    }

    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        k.put(def.key().hash(), item.get(def.key().hash()));
        if (def.key().range() != null) {
            k.put(def.key().range(), item.get(def.key().range()));
        }
        return k;
    }

    Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return items.get(key.get(def.key().hash()), items.sortTuple(key));
    }

    /**
     * Replaces old by newItem (either may be null), maintaining indexes and emitting a stream record when the item
     * really changed. Caller holds the write lock.
     */
    void write(Map<String, AttributeValue> old, Map<String, AttributeValue> newItem, boolean byTtl) {
        if (applyUnlogged(old, newItem, byTtl)) {
            engine.persist(List.of(change(old, newItem)));
        }
    }

    /** The change from old to newItem as the persistence log records it: the new item, or the key of the deleted one. */
    Persistence.Change change(Map<String, AttributeValue> old, Map<String, AttributeValue> newItem) {
        return newItem != null
                ? new Persistence.Change(def.name(), newItem, true)
                : new Persistence.Change(def.name(), keyOf(old), false);
    }

    /**
     * Like {@link #write} but without logging the change, for callers that log several changes as one record
     * (transactions) or replay the log. Returns whether the item really changed.
     */
    boolean applyUnlogged(Map<String, AttributeValue> old, Map<String, AttributeValue> newItem, boolean byTtl) {
        if (old == null && newItem == null) {
            return false;
        }
        if (old != null && old.equals(newItem)) {
            return false;
        }
        if (old != null) {
            for (ItemStore s : indexes.values()) {
                s.remove(old);
            }
        }
        if (newItem != null) {
            items.put(newItem);
            for (ItemStore s : indexes.values()) {
                s.put(newItem);
            }
        } else {
            items.remove(old);
        }
        String seq = null;
        StreamLog s = currentStream;
        if (s != null) {
            String event = old == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
            Map<String, AttributeValue> keys = keyOf(newItem != null ? newItem : old);
            boolean wantOld = s.viewType.equals("OLD_IMAGE") || s.viewType.equals("NEW_AND_OLD_IMAGES");
            boolean wantNew = s.viewType.equals("NEW_IMAGE") || s.viewType.equals("NEW_AND_OLD_IMAGES");
            Map<String, AttributeValue> oldImage = wantOld ? old : null;
            Map<String, AttributeValue> newImage = wantNew ? newItem : null;
            int size = AttributeValue.itemSize(keys)
                    + (oldImage == null ? 0 : AttributeValue.itemSize(oldImage))
                    + (newImage == null ? 0 : AttributeValue.itemSize(newImage));
            seq = engine.nextSequence();
            s.add(new StreamLog.StreamRecord(
                    Long.toHexString(java.util.concurrent.ThreadLocalRandom.current()
                                    .nextLong())
                            + seq,
                    seq,
                    event,
                    keys,
                    oldImage,
                    newImage,
                    System.currentTimeMillis() / 1000,
                    byTtl,
                    size));
        }
        engine.changed(def.name(), keyOf(newItem != null ? newItem : old), old, newItem, seq);
        return true;
    }

    void rebuildIndex(TableDefinition.IndexDefinition d) {
        ItemStore s = new ItemStore(def.key(), d);
        items.partitions.values().forEach(p -> p.values().forEach(s::put));
        indexes.put(d.name(), s);
    }
}
