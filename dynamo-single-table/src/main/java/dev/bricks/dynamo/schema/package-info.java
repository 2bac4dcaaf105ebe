/**
 * For generated code: the types {@code <Entity>Schema} classes are built from ({@link dev.bricks.dynamo.schema.EntitySchema}
 * and its builder, {@link dev.bricks.dynamo.schema.KeyTemplate}, {@link dev.bricks.dynamo.schema.IndexKey},
 * {@link dev.bricks.dynamo.schema.EpochSecondsConverter}). Application code passes {@code OrderSchema.SCHEMA} around
 * but does not need to build or call these itself; their shape may change with the processor.
 */
package dev.bricks.dynamo.schema;
