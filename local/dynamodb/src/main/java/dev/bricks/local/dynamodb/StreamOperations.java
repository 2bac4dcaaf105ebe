package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator, GetRecords. */
final class StreamOperations {
    private static final Set<String> ITERATOR_TYPES =
            Set.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");

    private final Engine engine;

    StreamOperations(Engine engine) {
        this.engine = engine;
    }

    private StreamLog stream(String arn) {
        if (arn == null) {
            throw RequestFields.constraint("null", "streamArn", "Member must not be null");
        }
        StreamLog s = engine.streams.get(arn);
        if (s == null) {
            throw DynamoException.notFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return s;
    }

    ObjectNode listStreams(JsonNode req) {
        String table = RequestFields.str(req, "TableName");
        if (table != null) {
            engine.table(table);
        }
        Integer limit = RequestFields.intField(req, "Limit", 1, 100);
        String start = RequestFields.str(req, "ExclusiveStartStreamArn");
        List<StreamLog> all = new ArrayList<>(engine.streams.values());
        all.sort((a, b) -> a.arn.compareTo(b.arn));
        ObjectNode out = NODES.objectNode();
        ArrayNode arr = out.putArray("Streams");
        int n = limit == null ? 100 : limit;
        String last = null;
        for (StreamLog s : all) {
            if (table != null && !s.tableName.equals(table)) {
                continue;
            }
            if (start != null && s.arn.compareTo(start) <= 0) {
                continue;
            }
            if (arr.size() == n) {
                out.put("LastEvaluatedStreamArn", last);
                break;
            }
            arr.addObject()
                    .put("StreamArn", s.arn)
                    .put("TableName", s.tableName)
                    .put("StreamLabel", s.label);
            last = s.arn;
        }
        return out;
    }

    ObjectNode describeStream(JsonNode req) {
        StreamLog s = stream(RequestFields.str(req, "StreamArn"));
        ObjectNode out = NODES.objectNode();
        ObjectNode d = out.putObject("StreamDescription");
        d.put("StreamArn", s.arn)
                .put("StreamLabel", s.label)
                .put("StreamStatus", s.enabled() ? "ENABLED" : "DISABLED")
                .put("StreamViewType", s.viewType)
                .put("CreationRequestDateTime", s.created)
                .put("TableName", s.tableName);
        d.set("KeySchema", Engine.keySchemaJson(s.key));
        ArrayNode shards = d.putArray("Shards");
        ObjectNode shard = shards.addObject().put("ShardId", s.shardId);
        ObjectNode range =
                shard.putObject("SequenceNumberRange").put("StartingSequenceNumber", s.startingSequenceNumber);
        String end = s.endingSequenceNumber();
        if (end != null) {
            range.put("EndingSequenceNumber", end);
        }
        return out;
    }

    ObjectNode getShardIterator(JsonNode req) {
        StreamLog s = stream(RequestFields.str(req, "StreamArn"));
        String shardId = RequestFields.str(req, "ShardId");
        if (shardId == null) {
            throw RequestFields.constraint("null", "shardId", "Member must not be null");
        }
        String type = RequestFields.oneOf(req, "ShardIteratorType", null, ITERATOR_TYPES);
        if (type == null) {
            throw RequestFields.constraint("null", "shardIteratorType", "Member must not be null");
        }
        if (!shardId.equals(s.shardId)) {
            throw DynamoException.notFound("Requested resource not found: Shard does not exist");
        }
        String seq = RequestFields.str(req, "SequenceNumber");
        int position;
        switch (type) {
            case "TRIM_HORIZON" -> position = 0;
            case "LATEST" -> position = s.size();
            default -> {
                if (seq == null) {
                    throw DynamoException.validation("Must provide SequenceNumber for iterator type " + type);
                }
                if (!s.contains(seq)) {
                    throw DynamoException.validation(
                            "Invalid SequenceNumber for ShardIteratorType " + type + ": " + seq);
                }
                position = s.positionOf(seq, type.equals("AFTER_SEQUENCE_NUMBER"));
            }
        }
        return NODES.objectNode().put("ShardIterator", iterator(s, position));
    }

    private static String iterator(StreamLog s, int position) {
        String raw = s.arn + "|" + s.shardId + "|" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    ObjectNode getRecords(JsonNode req) {
        String it = RequestFields.str(req, "ShardIterator");
        if (it == null) {
            throw RequestFields.constraint("null", "shardIterator", "Member must not be null");
        }
        Integer limit = RequestFields.intField(req, "Limit", 1, 1000);
        String[] parts;
        int position;
        try {
            parts = new String(Base64.getUrlDecoder().decode(it), StandardCharsets.UTF_8).split("\\|");
            position = Integer.parseInt(parts[2]);
        } catch (RuntimeException e) {
            throw DynamoException.validation("Invalid ShardIterator");
        }
        StreamLog s = engine.streams.get(parts[0]);
        if (s == null || !s.shardId.equals(parts[1])) {
            throw DynamoException.notFound("Requested resource not found: Stream: " + parts[0] + " not found");
        }
        List<StreamLog.StreamRecord> records = s.slice(position, limit == null ? 1000 : limit);
        ObjectNode out = NODES.objectNode();
        ArrayNode arr = out.putArray("Records");
        for (StreamLog.StreamRecord r : records) {
            arr.add(recordJson(s, r));
        }
        int next = position + records.size();
        if (s.enabled() || next < s.size()) {
            out.put("NextShardIterator", iterator(s, next));
        }
        return out;
    }

    private static ObjectNode recordJson(StreamLog s, StreamLog.StreamRecord r) {
        ObjectNode o = NODES.objectNode();
        o.put("eventID", r.eventId())
                .put("eventName", r.eventName())
                .put("eventVersion", "1.1")
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", Engine.REGION);
        ObjectNode d = o.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", r.createdEpochSeconds());
        d.set("Keys", AttributeValueJson.toJson(r.keys()));
        if (r.newImage() != null) {
            d.set("NewImage", AttributeValueJson.toJson(r.newImage()));
        }
        if (r.oldImage() != null) {
            d.set("OldImage", AttributeValueJson.toJson(r.oldImage()));
        }
        d.put("SequenceNumber", r.sequenceNumber())
                .put("SizeBytes", r.sizeBytes())
                .put("StreamViewType", s.viewType);
        if (r.byTtl()) {
            o.putObject("userIdentity")
                    .put("PrincipalId", "dynamodb.amazonaws.com")
                    .put("Type", "Service");
        }
        return o;
    }
}
