/**
 * The annotations that declare an entity: {@link dev.bricks.dynamo.annotation.Entity},
 * {@link dev.bricks.dynamo.annotation.PrimaryKey}, {@link dev.bricks.dynamo.annotation.Index} and the component
 * markers. Read at compile time by {@code bricks-dynamo-single-table-processor}; class retention, nothing at run time.
 */
package dev.bricks.dynamo.annotation;
