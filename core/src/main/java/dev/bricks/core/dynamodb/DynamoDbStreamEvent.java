package dev.bricks.core.dynamodb;

import dev.bricks.core.InvalidEventException;
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

    /**
     * Reads Lambda's DynamoDB stream event JSON, as {@link DynamoDbStreamHandler} does; for handlers that process
     * a batch as a whole (e.g. {@code bricks-outbox}'s relay).
     *
     * @throws InvalidEventException naming what is wrong with the event
     */
    public static DynamoDbStreamEvent parse(byte[] json) {
        return StreamParser.parse(json);
    }
}
