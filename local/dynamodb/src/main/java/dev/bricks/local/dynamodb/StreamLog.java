package dev.bricks.local.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One DynamoDB stream of a table with its single shard. Thread-safe (synchronized). */
final class StreamLog {
    record StreamRecord(
            String eventId,
            String sequenceNumber,
            String eventName,
            Map<String, AttributeValue> keys,
            Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage,
            long createdEpochSeconds,
            boolean byTtl,
            int sizeBytes) {}

    final String arn;
    final String label;
    final String viewType;
    final String shardId;
    final String tableName;
    final TableDefinition.KeySchema key;
    final double created;
    final String startingSequenceNumber;
    private final List<StreamRecord> records = new ArrayList<>();
    private String endingSequenceNumber;

    StreamLog(
            String tableArn,
            String tableName,
            TableDefinition.KeySchema key,
            String viewType,
            String startingSequenceNumber) {
        long now = System.currentTimeMillis();
        this.label = java.time.Instant.ofEpochMilli(now).toString().replace("Z", "");
        this.arn = tableArn + "/stream/" + label;
        this.viewType = viewType;
        this.tableName = tableName;
        this.key = key;
        this.created = now / 1000.0;
        this.shardId = "shardId-" + String.format("%020d", now) + "-" + Integer.toHexString(arn.hashCode());
        this.startingSequenceNumber = startingSequenceNumber;
    }

    synchronized void add(StreamRecord r) {
        if (endingSequenceNumber == null) {
            records.add(r);
        }
    }

    synchronized boolean enabled() {
        return endingSequenceNumber == null;
    }

    synchronized void disable(String lastSequenceNumber) {
        if (endingSequenceNumber == null) {
            endingSequenceNumber = records.isEmpty()
                    ? lastSequenceNumber
                    : records.get(records.size() - 1).sequenceNumber();
        }
    }

    synchronized String endingSequenceNumber() {
        return endingSequenceNumber;
    }

    synchronized int size() {
        return records.size();
    }

    synchronized List<StreamRecord> slice(int from, int max) {
        int to = Math.min(records.size(), from + max);
        return from >= to ? List.of() : new ArrayList<>(records.subList(from, to));
    }

    /** Position of the first record with a sequence number at (or after, when after is set) seq. */
    synchronized int positionOf(String seq, boolean after) {
        for (int i = 0; i < records.size(); i++) {
            int c = records.get(i).sequenceNumber().compareTo(seq);
            if (c > 0 || (c == 0 && !after)) {
                return i;
            }
        }
        return records.size();
    }

    synchronized boolean contains(String seq) {
        for (StreamRecord r : records) {
            if (r.sequenceNumber().equals(seq)) {
                return true;
            }
        }
        return false;
    }
}
