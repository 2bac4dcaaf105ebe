package dev.bricks.core.dynamodb;

import dev.bricks.core.InvalidEventException;
import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.internal.Nodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads DynamoDB stream events and DynamoDB JSON attribute values. Stateless. */
final class StreamParser {

    private StreamParser() {}

    static DynamoDbStreamEvent parse(byte[] raw) {
        JsonValue root = Nodes.eventTree(raw, "DynamoDB stream event");
        JsonValue records = Nodes.records(root, "DynamoDB stream event");
        List<StreamRecord> out = new ArrayList<>(records.size());
        for (JsonValue r : records) {
            String eventId = Nodes.required(r, "eventID", "DynamoDB stream record");
            String what = "DynamoDB stream record " + eventId;
            OperationType type;
            try {
                type = OperationType.valueOf(Nodes.required(r, "eventName", what));
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException(what + ": eventName must be INSERT, MODIFY or REMOVE");
            }
            JsonValue ddb = Nodes.object(r, "dynamodb");
            if (ddb == null) {
                throw new InvalidEventException(what + ": missing member 'dynamodb'");
            }
            long created = Nodes.longValue(ddb, "ApproximateCreationDateTime", -1);
            out.add(new StreamRecord(
                    eventId,
                    type,
                    Nodes.text(r, "eventSourceARN"),
                    Nodes.text(r, "awsRegion"),
                    created < 0 ? null : Instant.ofEpochSecond(created),
                    image(Nodes.object(ddb, "Keys"), what + " Keys"),
                    image(Nodes.object(ddb, "NewImage"), what + " NewImage"),
                    image(Nodes.object(ddb, "OldImage"), what + " OldImage"),
                    Nodes.required(ddb, "SequenceNumber", what),
                    Nodes.longValue(ddb, "SizeBytes", 0),
                    Nodes.text(ddb, "StreamViewType"),
                    Nodes.text(Nodes.object(r, "userIdentity"), "principalId")));
        }
        return new DynamoDbStreamEvent(out);
    }

    static Map<String, AttributeValue> image(JsonValue node, String where) {
        if (node == null) {
            return Map.of();
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonValue>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonValue> e = it.next();
            map.put(e.getKey(), value(e.getValue(), where + "." + e.getKey()));
        }
        return map;
    }

    /** One DynamoDB JSON value such as {@code {"S":"x"}} or {@code {"L":[...]}}. */
    static AttributeValue value(JsonValue node, String where) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new InvalidEventException(where + ": an attribute value must be an object with one type tag");
        }
        Map.Entry<String, JsonValue> tagged = node.fields().next();
        JsonValue v = tagged.getValue();
        try {
            return switch (tagged.getKey()) {
                case "S" -> new AttributeValue.S(v.asText());
                case "N" -> new AttributeValue.N(v.asText());
                case "B" -> new AttributeValue.B(Base64.getDecoder().decode(v.asText()));
                case "BOOL" -> new AttributeValue.BOOL(v.asBoolean());
                case "NULL" -> new AttributeValue.NULL();
                case "M" -> new AttributeValue.M(image(v, where));
                case "L" -> {
                    List<AttributeValue> list = new ArrayList<>(v.size());
                    int i = 0;
                    for (JsonValue element : v) {
                        list.add(value(element, where + "[" + i++ + "]"));
                    }
                    yield new AttributeValue.L(list);
                }
                case "SS" -> new AttributeValue.SS(Nodes.stringList(v));
                case "NS" -> new AttributeValue.NS(Nodes.stringList(v));
                case "BS" -> {
                    List<byte[]> list = new ArrayList<>(v.size());
                    for (JsonValue element : v) {
                        list.add(Base64.getDecoder().decode(element.asText()));
                    }
                    yield new AttributeValue.BS(list);
                }
                default ->
                    throw new InvalidEventException(where + ": unknown attribute type '" + tagged.getKey() + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(where + ": invalid " + tagged.getKey() + " value: " + e.getMessage(), e);
        }
    }
}
