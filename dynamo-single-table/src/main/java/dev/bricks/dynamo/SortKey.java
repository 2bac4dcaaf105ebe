package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;
import java.util.Objects;

/**
 * A sort-key value rendered from typed components, made by generated methods such as
 * {@code OrderSchema.sk(orderId)} or {@code OrderSchema.gsi1Sk(createdAt)} (leading components only for a
 * prefix). Used in {@link QueryBuilder} sort-key conditions, which check it belongs to the queried index.
 *
 * @param schema entity schema; never null
 * @param indexName GSI name, or null for the table's sort key
 * @param value the rendered sort key (prefix); never null
 */
public record SortKey<T>(EntitySchema<T> schema, String indexName, String value) {
  public SortKey {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(value, "value");
  }
}
