package dev.bricks.test;

import dev.bricks.core.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an SQS batch ({@code {"Records":[…]}}) as Lambda's event source mapping delivers it: {@code messageId}s
 * {@code msg-1}, {@code msg-2}, … (what a handler reports in {@code batchItemFailures}), {@code body},
 * {@code attributes} (with {@code MessageGroupId} and {@code SequenceNumber} on a FIFO queue),
 * {@code messageAttributes}, {@code md5OfBody}. Not thread-safe.
 *
 * <pre>{@code
 * String batch = SqsEvents.queue("emails").message(new SendEmail("ana@example.com")).message("not json").build();
 * String fifo = SqsEvents.fifoQueue("orders.fifo").message("order-1", new OrderLine("o-1", 2)).build();
 * }</pre>
 */
public final class SqsEvents extends EventBuilder {

    private final String queue;
    private final boolean fifo;
    private final List<Map<String, Object>> records = new ArrayList<>();
    private int receiveCount = 1;

    private SqsEvents(String queue, boolean fifo) {
        this.queue = Objects.requireNonNull(queue, "queue");
        if (fifo != queue.endsWith(".fifo")) {
            throw new IllegalArgumentException(
                    "a FIFO queue's name ends with .fifo and a standard queue's does not, was " + queue);
        }
        this.fifo = fifo;
    }

    /** A batch from the named standard queue. */
    public static SqsEvents queue(String name) {
        return new SqsEvents(name, false);
    }

    /** A batch from the named FIFO queue (its name ends with {@code .fifo}); add messages with a group id. */
    public static SqsEvents fifoQueue(String name) {
        return new SqsEvents(name, true);
    }

    /** The {@code ApproximateReceiveCount} of messages added from now on (default 1; more means redelivered). */
    public SqsEvents receiveCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("receiveCount must be at least 1, was " + count);
        }
        this.receiveCount = count;
        return this;
    }

    /**
     * Adds a message to a standard queue's batch; {@code body} is written as JSON by Bricks' mapper (a
     * {@code String} is taken as the body text as is).
     */
    public SqsEvents message(Object body) {
        if (fifo) {
            throw new IllegalStateException("a FIFO queue's message needs a group id: message(groupId, body)");
        }
        return add(null, body, Map.of());
    }

    /** Adds a message to a FIFO queue's batch, in the given message group. */
    public SqsEvents message(String groupId, Object body) {
        if (!fifo) {
            throw new IllegalStateException("a standard queue's message has no group id: message(body)");
        }
        return add(Objects.requireNonNull(groupId, "groupId"), body, Map.of());
    }

    /** Adds a message with string message attributes (such as {@code correlation_id}). */
    public SqsEvents messageWithAttributes(Object body, Map<String, String> messageAttributes) {
        if (fifo) {
            throw new IllegalStateException("a FIFO queue's message needs a group id: message(groupId, body)");
        }
        return add(null, body, messageAttributes);
    }

    /** The id of the message added last. */
    public String lastMessageId() {
        if (records.isEmpty()) {
            throw new IllegalStateException("no message added yet");
        }
        return (String) records.get(records.size() - 1).get("messageId");
    }

    private SqsEvents add(String groupId, Object body, Map<String, String> messageAttributes) {
        Objects.requireNonNull(body, "body");
        String text = body instanceof String s ? s : Json.writeString(body);
        int n = records.size() + 1;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("ApproximateReceiveCount", Integer.toString(receiveCount));
        attributes.put("SentTimestamp", Long.toString(1_796_288_400_000L + n));
        attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
        attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(1_796_288_400_100L + n));
        if (groupId != null) {
            attributes.put("SequenceNumber", "1879000000000000000" + "%02d".formatted(n));
            attributes.put("MessageGroupId", groupId);
            attributes.put("MessageDeduplicationId", "dedup-" + n);
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        messageAttributes.forEach((k, v) -> typed.put(
                k,
                Map.of(
                        "stringValue",
                        v,
                        "stringListValues",
                        List.of(),
                        "binaryListValues",
                        List.of(),
                        "dataType",
                        "String")));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messageId", "msg-" + n);
        record.put("receiptHandle", "AQEB-receipt-" + n);
        record.put("body", text);
        record.put("attributes", attributes);
        record.put("messageAttributes", typed);
        record.put("md5OfBody", md5(text));
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:" + queue);
        record.put("awsRegion", "us-east-1");
        records.add(record);
        return this;
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return "%032x".formatted(new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** The event's JSON text. */
    @Override
    public String build() {
        return Json.writeString(Map.of("Records", records));
    }
}
