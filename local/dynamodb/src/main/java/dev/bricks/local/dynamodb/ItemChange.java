package dev.bricks.local.dynamodb;

import java.util.Objects;

/**
 * One item an operation changed, as reported in {@link EngineCall#changes()}: the table, what happened, and the
 * item's key and images in DynamoDB JSON ({@code {"pk":{"S":"1"}}}), whatever the table's stream settings (a table
 * without a stream reports its changes too). An operation that leaves an item as it was reports nothing for it.
 *
 * @param table the table's name; never null
 * @param kind an insert, a modification or a removal; never null
 * @param keys the item's key attributes as DynamoDB JSON; never null
 * @param oldImage the item before, as DynamoDB JSON; null for an insert
 * @param newImage the item after, as DynamoDB JSON; null for a removal
 * @param streamSequenceNumber the {@code SequenceNumber} of the stream record the change emitted; null when the
 *     table has no stream enabled
 */
public record ItemChange(
        String table, Kind kind, String keys, String oldImage, String newImage, String streamSequenceNumber) {

    /** What happened to the item, named as stream records name it. */
    public enum Kind {
        /** A new item. */
        INSERT,
        /** An item replaced or updated. */
        MODIFY,
        /** An item deleted. */
        REMOVE
    }

    /** Checks. */
    public ItemChange {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keys, "keys");
    }
}
