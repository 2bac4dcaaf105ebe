package dev.bricks.local.dynamodb;

import java.util.List;
import java.util.Map;

/** The immutable definition of a table; UpdateTable swaps in a new one. */
record TableDef(
        String name,
        String arn,
        String tableId,
        double created,
        KeyDef key,
        Map<String, Av.Type> attributeTypes,
        List<IndexDef> indexes,
        String billingMode,
        long readCapacity,
        long writeCapacity,
        String streamViewType,
        String ttlAttribute) {

    record KeyDef(String hash, String range) {
        boolean isKey(String attr) { return attr.equals(hash) || attr.equals(range); }
    }

    record IndexDef(String name, boolean global, KeyDef key, String projectionType, List<String> nonKeyAttributes,
                    long readCapacity, long writeCapacity) {}

    IndexDef index(String indexName) {
        for (IndexDef d : indexes) if (d.name().equals(indexName)) return d;
        return null;
    }

    TableDef withIndexes(List<IndexDef> l, Map<String, Av.Type> types) {
        return new TableDef(name, arn, tableId, created, key, types, l, billingMode, readCapacity, writeCapacity, streamViewType, ttlAttribute);
    }

    TableDef withStream(String viewType) {
        return new TableDef(name, arn, tableId, created, key, attributeTypes, indexes, billingMode, readCapacity, writeCapacity, viewType, ttlAttribute);
    }

    TableDef withTtl(String attr) {
        return new TableDef(name, arn, tableId, created, key, attributeTypes, indexes, billingMode, readCapacity, writeCapacity, streamViewType, attr);
    }

    TableDef withBilling(String mode, long rcu, long wcu) {
        return new TableDef(name, arn, tableId, created, key, attributeTypes, indexes, mode, rcu, wcu, streamViewType, ttlAttribute);
    }
}
