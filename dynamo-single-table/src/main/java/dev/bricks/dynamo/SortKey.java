package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;

/**
 * A sort-key value rendered from typed components, made by generated methods such as
 * {@code OrderSchema.sk(orderId)} or {@code OrderSchema.gsi1Sk(createdAt)} (leading components only for a
 * prefix). Used in {@link QueryBuilder} sort-key conditions, which check it belongs to the queried index.
 *
 * @param schema entity schema; never null
 * @param indexName GSI name, or null for the table's sort key
 * @param value the rendered sort key (prefix); never null
 */
public record SortKey<T>(EntitySchema<T> schema, String indexName, String value) {}
