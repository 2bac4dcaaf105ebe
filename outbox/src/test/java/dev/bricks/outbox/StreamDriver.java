package dev.bricks.outbox;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Plays Lambda's event source mapping for a table's stream: reads the engine's stream through the real Streams API,
 * hands batches to a handler as Lambda's JSON event, and honours {@code ReportBatchItemFailures} (the next batch
 * starts at the lowest reported sequence number).
 */
final class StreamDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Record> records;
    private final String streamArn;
    int invocations;
    int redeliveredRecords;

    StreamDriver(DynamoDbClient client, DynamoDbStreamsClient streams, String tableName) {
        this.streamArn =
                client.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        this.records = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current));
                records.addAll(page.records());
                if (page.records().isEmpty()) {
                    break;
                }
                iterator = page.nextShardIterator();
            }
        }
    }

    List<Record> records() {
        return records;
    }

    /** Delivers every record in batches of {@code batchSize} until all are acknowledged (or the cap is reached). */
    void drain(RequestStreamHandler handler, int batchSize, int maxInvocations) throws IOException {
        int position = 0;
        while (position < records.size()) {
            if (invocations >= maxInvocations) {
                throw new AssertionError("stream not drained after " + maxInvocations + " invocations, at record "
                        + position + " of " + records.size());
            }
            List<Record> batch = records.subList(position, Math.min(records.size(), position + batchSize));
            List<String> failed = invoke(handler, batch);
            if (failed.isEmpty()) {
                position += batch.size();
            } else {
                int lowest = batch.size();
                for (String sequenceNumber : failed) {
                    for (int i = 0; i < batch.size(); i++) {
                        if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                            lowest = Math.min(lowest, i);
                        }
                    }
                }
                if (lowest == batch.size()) {
                    throw new AssertionError("reported sequence numbers not in the batch: " + failed);
                }
                redeliveredRecords += batch.size() - lowest;
                position += lowest;
            }
        }
    }

    /** One invocation; returns the reported sequence numbers. */
    List<String> invoke(RequestStreamHandler handler, List<Record> batch) throws IOException {
        invocations++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event(batch).getBytes(StandardCharsets.UTF_8)), out, null);
        List<String> failed = new ArrayList<>();
        for (JsonNode f : JSON.readTree(out.toByteArray()).path("batchItemFailures")) {
            failed.add(f.path("itemIdentifier").asText());
        }
        return failed;
    }

    /** The records as Lambda's DynamoDB stream event. */
    String event(List<Record> batch) throws IOException {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record r : batch) {
            ObjectNode rec = array.addObject();
            rec.put("eventID", r.eventID())
                    .put("eventName", r.eventNameAsString())
                    .put("eventVersion", "1.1")
                    .put("eventSource", "aws:dynamodb")
                    .put("awsRegion", "us-east-1")
                    .put("eventSourceARN", streamArn);
            ObjectNode ddb = rec.putObject("dynamodb");
            ddb.set("Keys", image(r.dynamodb().keys()));
            if (r.dynamodb().hasNewImage()) {
                ddb.set("NewImage", image(r.dynamodb().newImage()));
            }
            if (r.dynamodb().hasOldImage()) {
                ddb.set("OldImage", image(r.dynamodb().oldImage()));
            }
            ddb.put("SequenceNumber", r.dynamodb().sequenceNumber())
                    .put("SizeBytes", r.dynamodb().sizeBytes())
                    .put("StreamViewType", r.dynamodb().streamViewTypeAsString());
        }
        return JSON.writeValueAsString(event);
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode m = JSON.createObjectNode();
        item.forEach((k, v) -> m.set(k, value(v)));
        return m;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode n = JSON.createObjectNode();
        switch (v.type()) {
            case S -> n.put("S", v.s());
            case N -> n.put("N", v.n());
            case BOOL -> n.put("BOOL", v.bool());
            case NUL -> n.put("NULL", true);
            case L -> {
                ArrayNode list = n.putArray("L");
                v.l().forEach(e -> list.add(value(e)));
            }
            case M -> n.set("M", image(v.m()));
            case SS -> {
                ArrayNode list = n.putArray("SS");
                v.ss().forEach(list::add);
            }
            default -> throw new IllegalArgumentException("type not used by these tests: " + v.type());
        }
        return n;
    }
}
