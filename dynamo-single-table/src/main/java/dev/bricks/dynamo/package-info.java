/**
 * Typed single-table DynamoDB access: {@link dev.bricks.dynamo.Entity} records with key templates, schemas generated at
 * compile time, a {@link dev.bricks.dynamo.DynamoTable} with per-entity {@link dev.bricks.dynamo.EntityRepository}
 * verbs, queries with signed cursors, collections, batches, transactions and stream-image decoding.
 */
package dev.bricks.dynamo;
