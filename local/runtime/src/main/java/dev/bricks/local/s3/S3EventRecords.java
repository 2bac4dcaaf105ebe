package dev.bricks.local.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Builds S3 event notifications ({@code {"Records":[…]}}) in the shape S3 sends to Lambda. Thread-safe. */
final class S3EventRecords {

    static final String EVENT_VERSION = "2.1";
    static final String PRINCIPAL = "AWS:BRICKSLOCAL";
    static final String OWNER = "BRICKSLOCAL";
    static final String SOURCE_IP = "127.0.0.1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String region;
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 12);

    S3EventRecords(String region) {
        this.region = region;
    }

    /** The next sequencer: upper-case hex, increasing, so later events on a key sort after earlier ones. */
    String nextSequencer() {
        return String.format("%018X", sequencer.incrementAndGet());
    }

    /**
     * One event with one record.
     *
     * @param size the object's size for created events; null for removed events (S3 omits it there)
     * @param eTag the object's ETag without quotes; null for removed events
     */
    byte[] event(
            S3NotificationConfig notification,
            S3EventType type,
            String bucket,
            String key,
            Long size,
            String eTag,
            String sequencer,
            Instant time) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", EVENT_VERSION);
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS)));
        record.put("eventName", type.eventName());
        record.putObject("userIdentity").put("principalId", PRINCIPAL);
        record.putObject("requestParameters").put("sourceIPAddress", SOURCE_IP);
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", HexFormat.of().withUpperCase().formatHex(randomBytes(8)));
        response.put("x-amz-id-2", Base64.getEncoder().encodeToString(randomBytes(57)));
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", notification.id());
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", OWNER);
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key));
        if (size != null) {
            object.put("size", size);
        }
        if (eTag != null) {
            object.put("eTag", eTag);
        }
        object.put("sequencer", sequencer);
        ObjectNode root = JSON.createObjectNode();
        root.putArray("Records").add(record);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as S3 writes it in event records: form-URL-encoded ({@code +} for space), {@code /} kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
