package dev.bricks.local.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The immutable definition of a table; UpdateTable swaps in a new one. */
record TableDefinition(
        String name,
        String arn,
        String tableId,
        double created,
        KeySchema key,
        Map<String, AttributeValue.Type> attributeTypes,
        List<IndexDefinition> indexes,
        String billingMode,
        long readCapacity,
        long writeCapacity,
        String streamViewType,
        String ttlAttribute) {

    record KeySchema(String hash, String range) {
        boolean isKey(String attr) {
            return attr.equals(hash) || attr.equals(range);
        }

        /** The hash key attribute, then the range key attribute when there is one. */
        List<String> attributes() {
            return range == null ? List.of(hash) : List.of(hash, range);
        }
    }

    record IndexDefinition(
            String name,
            boolean global,
            KeySchema key,
            String projectionType,
            List<String> nonKeyAttributes,
            long readCapacity,
            long writeCapacity) {

        /** The attributes of item this index holds: all (ALL), or the table and index keys plus the INCLUDE list. */
        Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema tableKey) {
            if (projectionType.equals("ALL")) {
                return item;
            }
            Map<String, AttributeValue> projected = new LinkedHashMap<>();
            for (String k : List.of(tableKey.attributes(), key.attributes()).stream()
                    .flatMap(List::stream)
                    .toList()) {
                if (item.containsKey(k)) {
                    projected.put(k, item.get(k));
                }
            }
            for (String k : nonKeyAttributes) {
                if (item.containsKey(k)) {
                    projected.put(k, item.get(k));
                }
            }
            return projected;
        }
    }

    IndexDefinition index(String indexName) {
        for (IndexDefinition d : indexes) {
            if (d.name().equals(indexName)) {
                return d;
            }
        }
        return null;
    }

    TableDefinition withIndexes(List<IndexDefinition> l, Map<String, AttributeValue.Type> types) {
        return new TableDefinition(
                name,
                arn,
                tableId,
                created,
                key,
                types,
                l,
                billingMode,
                readCapacity,
                writeCapacity,
                streamViewType,
                ttlAttribute);
    }

    TableDefinition withStream(String viewType) {
        return new TableDefinition(
                name,
                arn,
                tableId,
                created,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                viewType,
                ttlAttribute);
    }

    TableDefinition withTtl(String attr) {
        return new TableDefinition(
                name,
                arn,
                tableId,
                created,
                key,
                attributeTypes,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                streamViewType,
                attr);
    }

    TableDefinition withBilling(String mode, long rcu, long wcu) {
        return new TableDefinition(
                name,
                arn,
                tableId,
                created,
                key,
                attributeTypes,
                indexes,
                mode,
                rcu,
                wcu,
                streamViewType,
                ttlAttribute);
    }
}
