package dev.bricks.test;

import dev.bricks.core.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an S3 event notification ({@code {"Records":[…]}}) as S3 sends it to Lambda, with each object key
 * <b>URL-encoded in form style</b> as S3 does ({@code "my photo é.jpg"} becomes {@code "my+photo+%C3%A9.jpg"},
 * slashes kept): give the key as stored, the builder encodes it. Not thread-safe.
 *
 * <pre>{@code
 * String event = S3Events.bucket("photos").created("uploads/my photo.jpg", 1234, "9b2cf535f27731c974343645a3985328").build();
 * }</pre>
 */
public final class S3Events extends EventBuilder {

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String bucket;
    private String region = "us-east-1";
    private Instant time = Instant.parse("2026-12-03T09:00:00Z");
    private final List<Map<String, Object>> records = new ArrayList<>();

    private S3Events(String bucket) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /** A builder for notifications of the named bucket. */
    public static S3Events bucket(String bucket) {
        return new S3Events(bucket);
    }

    /**
     * The key as it appears in an event: form-URL-encoded ({@code ' '} as {@code '+'}, non-ASCII as UTF-8
     * {@code %XX}), {@code '/'} kept.
     */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** The region of the records added from now on (default {@code us-east-1}). */
    public S3Events region(String region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /** The event time of the records added from now on. */
    public S3Events time(Instant time) {
        this.time = Objects.requireNonNull(time, "time");
        return this;
    }

    /** Adds an {@code ObjectCreated:Put} record for the key (as stored, not encoded) with its size and ETag. */
    public S3Events created(String key, long size, String eTag) {
        return record(S3EventName.OBJECT_CREATED_PUT, key, size, eTag);
    }

    /** Adds an {@code ObjectRemoved:Delete} record for the key (as stored, not encoded). */
    public S3Events removed(String key) {
        return record(S3EventName.OBJECT_REMOVED_DELETE, key, 0, null);
    }

    /**
     * Adds a record of any event name; {@code size} and {@code eTag} appear for {@code ObjectCreated} events only.
     *
     * @param eTag the object's ETag without quotes, as S3 writes it in events; may be null for removals
     */
    public S3Events record(S3EventName name, String key, long size, String eTag) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", encodeKey(key));
        if (name.created()) {
            object.put("size", size);
            object.put("eTag", Objects.requireNonNull(eTag, "eTag").replace("\"", ""));
        }
        object.put("sequencer", "%018X".formatted(records.size() + 1));
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "bricks-test");
        s3.put(
                "bucket",
                Map.of(
                        "name",
                        bucket,
                        "ownerIdentity",
                        Map.of("principalId", "A3NL1KOZZKExample"),
                        "arn",
                        "arn:aws:s3:::" + bucket));
        s3.put("object", object);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", EVENT_TIME.format(time));
        record.put("eventName", name.wireName());
        record.put("userIdentity", Map.of("principalId", "AWS:AIDAEXAMPLE"));
        record.put("requestParameters", Map.of("sourceIPAddress", "192.0.2.3"));
        record.put(
                "responseElements",
                Map.of(
                        "x-amz-request-id",
                        "C3D13FE58DE4C810",
                        "x-amz-id-2",
                        "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"));
        record.put("s3", s3);
        records.add(record);
        return this;
    }

    /** The event's JSON text. */
    @Override
    public String build() {
        return Json.writeString(Map.of("Records", records));
    }
}
