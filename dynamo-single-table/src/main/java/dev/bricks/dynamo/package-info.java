/**
 * Typed single-table DynamoDB access: entity records annotated with {@code dev.bricks.dynamo.annotation} types,
 * schemas generated at compile time by {@code bricks-dynamo-single-table-processor}, a {@link DynamoTable} with
 * per-entity {@link EntityRepository} verbs, queries with signed cursors, collections, batches, transactions and
 * stream-image decoding. Every exception extends {@link SingleTableException} and carries a
 * {@link SingleTableException.Reason}.
 */
package dev.bricks.dynamo;
