package dev.bricks.outbox;

import dev.bricks.core.dynamodb.OperationType;
import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.dynamo.CoreAttributeValues;
import dev.bricks.events.EventRejectedException;
import dev.bricks.events.FailedEvent;
import dev.bricks.events.PreparedEvent;
import dev.bricks.events.PublishResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream batch through the relay. Outbox INSERTs are grouped by aggregate, in stream order; each round
 * publishes the next event of every aggregate still going, in one {@code publishAll} (PutEvents of up to 10
 * entries). An aggregate whose event fails stops there: its later events are not published in this batch, and the
 * failed record's sequence number is reported, so Lambda redelivers from it. Records that are not outbox INSERTs
 * (business items, MODIFY, REMOVE, TTL deletions) are skipped. Not thread-safe; one per invocation.
 */
final class RelayBatch {

    private static final Logger LOG = LoggerFactory.getLogger(RelayBatch.class);

    private record Pending(String sequenceNumber, PreparedEvent event) {}

    private final Function<List<PreparedEvent>, PublishResult<PreparedEvent>> publisher;
    private final Map<String, ArrayDeque<Pending>> byAggregate = new LinkedHashMap<>();
    private final List<String> failed = new ArrayList<>();
    private int published;
    private int calls;

    RelayBatch(Function<List<PreparedEvent>, PublishResult<PreparedEvent>> publisher) {
        this.publisher = publisher;
    }

    /** Relays the records; returns the sequence numbers to report as failed (one per stopped aggregate). */
    List<String> relay(List<StreamRecord> records) {
        for (StreamRecord record : records) {
            if (record.eventName() != OperationType.INSERT) {
                continue;
            }
            var image = CoreAttributeValues.toSdk(record.newImage());
            if (!OutboxItem.isOutboxItem(image)) {
                continue;
            }
            OutboxItem item;
            try {
                item = OutboxItem.fromImage(image);
            } catch (IllegalArgumentException e) {
                LOG.error(
                        "bricks-outbox: stream record {} (sequence number {}) is not a readable outbox item: {}",
                        record.eventId(),
                        record.sequenceNumber(),
                        e.getMessage());
                failed.add(record.sequenceNumber());
                continue;
            }
            byAggregate
                    .computeIfAbsent(item.aggregateKey(), k -> new ArrayDeque<>())
                    .add(new Pending(record.sequenceNumber(), item.event()));
        }
        while (!byAggregate.isEmpty()) {
            round();
        }
        return failed;
    }

    private void round() {
        Map<PreparedEvent, String> aggregateOf = new IdentityHashMap<>();
        List<PreparedEvent> next = new ArrayList<>(byAggregate.size());
        byAggregate.forEach((aggregate, queue) -> {
            next.add(queue.peek().event());
            aggregateOf.put(queue.peek().event(), aggregate);
        });
        PublishResult<PreparedEvent> result;
        try {
            result = publisher.apply(next);
        } catch (EventRejectedException e) {
            // cannot be sent at all (too large for the bus' limit): stop its aggregate, go on with the others
            String aggregate = aggregateOf.get(next.get(e.index()));
            LOG.error(
                    "bricks-outbox: event {} of aggregate {} is rejected before sending: {}",
                    next.get(e.index()).eventId(),
                    aggregate,
                    e.getMessage());
            stop(aggregate);
            return;
        }
        calls += result.putEventsCalls();
        for (FailedEvent<PreparedEvent> f : result.failed()) {
            String aggregate = aggregateOf.remove(f.event());
            LOG.warn(
                    "bricks-outbox: event {} of aggregate {} not published ({}: {}); the aggregate's later events "
                            + "wait for the redelivery",
                    f.event().eventId(),
                    aggregate,
                    f.errorCode(),
                    f.errorMessage());
            stop(aggregate);
        }
        for (String aggregate : aggregateOf.values()) {
            ArrayDeque<Pending> queue = byAggregate.get(aggregate);
            queue.poll();
            published++;
            if (queue.isEmpty()) {
                byAggregate.remove(aggregate);
            }
        }
    }

    private void stop(String aggregate) {
        failed.add(byAggregate.remove(aggregate).peek().sequenceNumber());
    }

    /** Events accepted by the bus in this batch. */
    int published() {
        return published;
    }

    /** PutEvents calls made, retries included. */
    int putEventsCalls() {
        return calls;
    }
}
