package dev.bricks.core.dynamodb;

/** The kind of change a DynamoDB stream record describes ({@code eventName}). */
public enum OperationType {
    /** A new item was written. */
    INSERT,
    /** An existing item was changed. */
    MODIFY,
    /** An item was deleted (by a request, or by TTL). */
    REMOVE
}
