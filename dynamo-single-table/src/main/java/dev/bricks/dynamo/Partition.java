package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;
import dev.bricks.dynamo.schema.IndexKey;
import java.util.Objects;

/**
 * One partition of the table or of a GSI for an entity: where a query starts. Made by generated
 * {@code <Entity>Schema.partition(...)} and {@code <Entity>Schema.<index>(...)} methods.
 *
 * @param schema entity schema whose key templates apply; never null
 * @param key the table or index key; never null
 * @param pkValue the composed partition key value; never null
 */
public record Partition<T>(EntitySchema<T> schema, IndexKey key, String pkValue) {
    public Partition {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pkValue, "pkValue");
    }
}
