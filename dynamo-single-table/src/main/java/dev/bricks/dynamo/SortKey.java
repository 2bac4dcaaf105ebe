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
 * @param endsAtLiteral true when {@code value} ends with literal text of the template (every prefix of leading
 *     components does; a whole key only when its template ends with a literal), so {@code begins_with} on it cannot
 *     match a longer value of its last component
 */
public record SortKey<T>(EntitySchema<T> schema, String indexName, String value, boolean endsAtLiteral) {
    public SortKey {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(value, "value");
    }
}
