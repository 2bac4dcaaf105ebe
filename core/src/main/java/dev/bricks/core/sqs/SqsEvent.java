package dev.bricks.core.sqs;

import java.util.List;

/**
 * A batch of SQS messages delivered to Lambda.
 *
 * @param records the messages in delivery order; never null
 */
public record SqsEvent(List<SqsMessage> records) {

    /** Copies the list. */
    public SqsEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** Whether the batch comes from a FIFO queue (its ARN ends with {@code .fifo}). */
    public boolean isFifo() {
        return !records.isEmpty()
                && records.get(0).eventSourceArn() != null
                && records.get(0).eventSourceArn().endsWith(".fifo");
    }
}
