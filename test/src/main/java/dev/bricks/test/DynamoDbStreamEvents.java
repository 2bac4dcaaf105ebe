package dev.bricks.test;

import dev.bricks.core.dynamodb.OperationType;
import dev.bricks.core.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a DynamoDB Streams event ({@code {"Records":[…]}}) as Lambda delivers it: {@code eventName}
 * {@code INSERT}/{@code MODIFY}/{@code REMOVE}, {@code dynamodb.Keys}, {@code NewImage}/{@code OldImage} in
 * DynamoDB JSON, increasing numeric {@code SequenceNumber}s, {@code StreamViewType} {@code NEW_AND_OLD_IMAGES}.
 * Images are plain maps whose values are Java values (String, Number, Boolean, byte[], enums, List, Map, Set of
 * String or Number, null) or SDK {@code AttributeValue}s; for
 * a single-table entity use {@code EntityImages.of(repository, entity)}. Not thread-safe.
 *
 * <pre>{@code
 * String event = DynamoDbStreamEvents.table("orders")
 *         .insert(Map.of("PK", "ORDER#o1", "SK", "ORDER#o1", "total", 42))
 *         .remove(Map.of("PK", "ORDER#o0", "SK", "ORDER#o0"))
 *         .build();
 * }</pre>
 */
public final class DynamoDbStreamEvents extends EventBuilder {

    /** The first sequence number a builder hands out. */
    public static final BigInteger FIRST_SEQUENCE_NUMBER = new BigInteger("100000000000000000001");

    private final String table;
    private List<String> keyAttributes = List.of("PK", "SK");
    private BigInteger nextSequence = FIRST_SEQUENCE_NUMBER;
    private Instant time = Instant.parse("2026-12-03T09:00:00Z");
    private final List<Map<String, Object>> records = new ArrayList<>();

    private DynamoDbStreamEvents(String table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** A builder for records of the named table's stream. */
    public static DynamoDbStreamEvents table(String tableName) {
        return new DynamoDbStreamEvents(tableName);
    }

    /**
     * The key attribute names copied from each image into {@code Keys} (default {@code PK}, {@code SK}; names absent
     * from an image are skipped).
     */
    public DynamoDbStreamEvents keyAttributes(String... names) {
        this.keyAttributes = List.of(names);
        return this;
    }

    /** The {@code ApproximateCreationDateTime} of the records added from now on. */
    public DynamoDbStreamEvents time(Instant time) {
        this.time = Objects.requireNonNull(time, "time");
        return this;
    }

    /** Adds an {@code INSERT} record with this new image. */
    public DynamoDbStreamEvents insert(Map<String, ?> newImage) {
        return record(OperationType.INSERT, null, Objects.requireNonNull(newImage, "newImage"));
    }

    /** Adds a {@code MODIFY} record with both images. */
    public DynamoDbStreamEvents modify(Map<String, ?> oldImage, Map<String, ?> newImage) {
        return record(
                OperationType.MODIFY,
                Objects.requireNonNull(oldImage, "oldImage"),
                Objects.requireNonNull(newImage, "newImage"));
    }

    /** Adds a {@code REMOVE} record with this old image. */
    public DynamoDbStreamEvents remove(Map<String, ?> oldImage) {
        return record(OperationType.REMOVE, Objects.requireNonNull(oldImage, "oldImage"), null);
    }

    /** The sequence number of the record added last: what a handler reports to fail it. */
    public String lastSequenceNumber() {
        if (records.isEmpty()) {
            throw new IllegalStateException("no record added yet");
        }
        return nextSequence.subtract(BigInteger.ONE).toString();
    }

    private DynamoDbStreamEvents record(OperationType type, Map<String, ?> oldImage, Map<String, ?> newImage) {
        Map<String, Object> source = newImage != null ? DynamoJson.item(newImage) : DynamoJson.item(oldImage);
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String name : keyAttributes) {
            if (source.containsKey(name)) {
                keys.put(name, source.get(name));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    "the image has none of the key attributes " + keyAttributes + "; set them with keyAttributes(…)");
        }
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("ApproximateCreationDateTime", time.getEpochSecond());
        dynamodb.put("Keys", keys);
        if (newImage != null) {
            dynamodb.put("NewImage", DynamoJson.item(newImage));
        }
        if (oldImage != null) {
            dynamodb.put("OldImage", DynamoJson.item(oldImage));
        }
        dynamodb.put("SequenceNumber", nextSequence.toString());
        dynamodb.put("SizeBytes", Json.writeString(dynamodb).getBytes(StandardCharsets.UTF_8).length);
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        nextSequence = nextSequence.add(BigInteger.ONE);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventID", "%032x".formatted(records.size() + 1));
        record.put("eventName", type.name());
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "us-east-1");
        record.put("dynamodb", dynamodb);
        record.put(
                "eventSourceARN",
                "arn:aws:dynamodb:us-east-1:123456789012:table/" + table + "/stream/2026-12-03T09:00:00.000");
        records.add(record);
        return this;
    }

    /** The event's JSON text. */
    @Override
    public String build() {
        return Json.writeString(Map.of("Records", records));
    }
}
