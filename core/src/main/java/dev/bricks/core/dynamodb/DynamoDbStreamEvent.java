package dev.bricks.core.dynamodb;

import java.util.List;

/**
 * A batch of DynamoDB stream records; Lambda delivers one batch from one shard, in sequence order.
 *
 * @param records the records; never null
 */
public record DynamoDbStreamEvent(List<StreamRecord> records) {

    /** Copies the list. */
    public DynamoDbStreamEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
