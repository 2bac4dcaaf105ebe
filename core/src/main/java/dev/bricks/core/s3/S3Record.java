package dev.bricks.core.s3;

import java.time.Instant;
import java.util.Objects;

/**
 * One S3 event notification record.
 *
 * @param eventName the event without the {@code s3:} prefix ({@code ObjectCreated:Put}); never null
 * @param eventTime when the event happened; may be null
 * @param awsRegion the region; may be null
 * @param bucket the bucket name; never null
 * @param bucketArn the bucket ARN; may be null
 * @param key the object key, URL-decoded ({@code red+flower.jpg} arrives as {@code red flower.jpg}); never null
 * @param rawKey the object key exactly as in the notification (form-URL-encoded); never null
 * @param size the object size in bytes; 0 when absent (ObjectRemoved events)
 * @param eTag the entity tag; may be null
 * @param versionId the version id on versioned buckets; may be null
 * @param sequencer orders events for one key; may be null
 * @param requestId S3's {@code x-amz-request-id}; may be null
 * @param principalId the principal that caused the event; may be null
 * @param sourceIp the requester's IP; may be null
 * @param configurationId the notification configuration's id; may be null
 */
public record S3Record(
        String eventName,
        Instant eventTime,
        String awsRegion,
        String bucket,
        String bucketArn,
        String key,
        String rawKey,
        long size,
        String eTag,
        String versionId,
        String sequencer,
        String requestId,
        String principalId,
        String sourceIp,
        String configurationId) {

    /** Checks the required members. */
    public S3Record {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rawKey, "rawKey");
    }

    /** Whether an object was created ({@code ObjectCreated:*}). */
    public boolean isObjectCreated() {
        return eventName.startsWith("ObjectCreated:");
    }

    /** Whether an object was removed ({@code ObjectRemoved:*}). */
    public boolean isObjectRemoved() {
        return eventName.startsWith("ObjectRemoved:");
    }
}
