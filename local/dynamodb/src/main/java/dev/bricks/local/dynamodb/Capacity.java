package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The capacity one request consumes, per table and per secondary index, reported as DynamoDB's
 * {@code ConsumedCapacity} when the request asks for it ({@code ReturnConsumedCapacity} TOTAL or INDEXES). Units
 * follow DynamoDB's published rules: a read unit per started 4 KB (half for eventually consistent reads, twice for
 * transactional ones), a write unit per started 1 KB (twice for transactional writes), index entries counted by
 * their projected size. Capacity is only reported, never enforced. Not thread-safe: one per request.
 */
final class Capacity {
    static final double READ_UNIT_BYTES = 4096;
    static final double WRITE_UNIT_BYTES = 1024;

    enum Detail {
        NONE,
        TOTAL,
        INDEXES
    }

    enum Kind {
        READ,
        WRITE
    }

    private final Detail detail;
    private final Kind kind;
    private final Map<String, TableUnits> tables = new LinkedHashMap<>();

    /** Units charged to one table and its indexes. */
    private static final class TableUnits {
        double table;
        boolean tableTouched;
        final Map<String, Double> globalIndexes = new TreeMap<>();
        final Map<String, Double> localIndexes = new TreeMap<>();

        double total() {
            double t = table;
            for (double u : globalIndexes.values()) {
                t += u;
            }
            for (double u : localIndexes.values()) {
                t += u;
            }
            return t;
        }
    }

    Capacity(JsonNode request, Kind kind) {
        String mode =
                RequestFields.oneOf(request, "ReturnConsumedCapacity", "NONE", Set.of("NONE", "TOTAL", "INDEXES"));
        this.detail = Detail.valueOf(mode);
        this.kind = kind;
    }

    boolean wanted() {
        return detail != Detail.NONE;
    }

    /** Read units for items of the given total size (at least half a unit, or one for a strongly consistent read). */
    static double readUnits(long bytes, boolean consistent) {
        double units = Math.ceil(bytes / READ_UNIT_BYTES);
        return Math.max(1, units) * (consistent ? 1 : 0.5);
    }

    /** Write units for an item of the given size: one per started KB, at least one. */
    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES));
    }

    void addTable(String table, double units) {
        TableUnits t = tables.computeIfAbsent(table, k -> new TableUnits());
        t.table += units;
        t.tableTouched = true;
    }

    void addIndex(String table, TableDefinition.IndexDefinition index, double units) {
        if (units == 0) {
            return;
        }
        TableUnits t = tables.computeIfAbsent(table, k -> new TableUnits());
        (index.global() ? t.globalIndexes : t.localIndexes).merge(index.name(), units, Double::sum);
    }

    /**
     * Charges the write of one item on a table (old and new item either may be null): the larger of the two on the
     * table, and on each index the entries that change — none when the projected entry stays the same, one write
     * when an entry appears, disappears or changes in place, two when its index key changes (delete and put).
     */
    void addItemWrite(
            Table table, Map<String, AttributeValue> old, Map<String, AttributeValue> newItem, double factor) {
        long size = Math.max(
                old == null ? 0 : AttributeValue.itemSize(old), newItem == null ? 0 : AttributeValue.itemSize(newItem));
        addTable(table.def.name(), writeUnits(size) * factor);
        for (TableDefinition.IndexDefinition index : table.def.indexes()) {
            ItemStore store = table.indexes.get(index.name());
            if (store != null) {
                addIndex(table.def.name(), index, store.entryWriteUnits(old, newItem) * factor);
            }
        }
    }

    /** {@code ConsumedCapacity} for a single-table request, or null when not asked for. */
    ObjectNode single() {
        if (!wanted() || tables.isEmpty()) {
            return null;
        }
        Map.Entry<String, TableUnits> e = tables.entrySet().iterator().next();
        return json(e.getKey(), e.getValue());
    }

    /** {@code ConsumedCapacity} for a multi-table request (batches, transactions), or null when not asked for. */
    ArrayNode list() {
        if (!wanted()) {
            return null;
        }
        ArrayNode a = NODES.arrayNode();
        tables.forEach((name, units) -> a.add(json(name, units)));
        return a;
    }

    /** Sets {@code ConsumedCapacity} on a single-table response when the request asked for it. */
    void reportSingle(ObjectNode response) {
        ObjectNode c = single();
        if (c != null) {
            response.set("ConsumedCapacity", c);
        }
    }

    /** Sets {@code ConsumedCapacity} (one entry per table) on a batch or transaction response when asked for. */
    void reportList(ObjectNode response) {
        ArrayNode c = list();
        if (c != null) {
            response.set("ConsumedCapacity", c);
        }
    }

    private ObjectNode json(String table, TableUnits units) {
        ObjectNode c = NODES.objectNode().put("TableName", table);
        units(c, units.total());
        if (detail == Detail.INDEXES) {
            if (units.tableTouched) {
                units(c.putObject("Table"), units.table);
            }
            if (!units.globalIndexes.isEmpty()) {
                ObjectNode g = c.putObject("GlobalSecondaryIndexes");
                units.globalIndexes.forEach((name, u) -> units(g.putObject(name), u));
            }
            if (!units.localIndexes.isEmpty()) {
                ObjectNode l = c.putObject("LocalSecondaryIndexes");
                units.localIndexes.forEach((name, u) -> units(l.putObject(name), u));
            }
        }
        return c;
    }

    private void units(ObjectNode o, double units) {
        o.put("CapacityUnits", units);
        o.put(kind == Kind.READ ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
    }
}
