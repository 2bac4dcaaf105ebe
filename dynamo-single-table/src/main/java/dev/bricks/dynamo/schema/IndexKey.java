package dev.bricks.dynamo.schema;

import java.util.Objects;

/**
 * A key of an entity: the table's primary key ({@code indexName == null}) or a GSI key, with its attribute
 * names and templates.
 *
 * @param indexName GSI name, or null for the table's primary key
 * @param pkAttribute partition key attribute name; never null
 * @param pkTemplate partition key template; never null
 * @param skAttribute sort key attribute name, or null when there is no sort key
 * @param skTemplate sort key template, or null when there is no sort key
 */
public record IndexKey(
        String indexName, String pkAttribute, KeyTemplate pkTemplate, String skAttribute, KeyTemplate skTemplate) {
    public IndexKey {
        Objects.requireNonNull(pkAttribute, "pkAttribute");
        Objects.requireNonNull(pkTemplate, "pkTemplate");
    }

    /** True for the table's primary key. */
    public boolean isTable() {
        return indexName == null;
    }

    /** Index name for messages: the GSI name or {@code "table"}. */
    public String label() {
        return indexName == null ? "table" : indexName;
    }
}
