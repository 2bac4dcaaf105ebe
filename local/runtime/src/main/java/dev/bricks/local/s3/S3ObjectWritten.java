package dev.bricks.local.s3;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An object {@link LocalS3} stored (PutObject, POST upload, CopyObject, CompleteMultipartUpload), for the dev
 * console.
 *
 * @param bucket the bucket; never null
 * @param key the object key; never null
 * @param size the size in bytes, -1 when unknown
 * @param userMetadata the object's user metadata ({@code x-amz-meta-*} without the prefix); never null
 * @param time when it was stored; never null
 * @param callerAccessKeyId the access key id of the request's SigV4 credential; null for an unsigned request
 */
public record S3ObjectWritten(
        String bucket,
        String key,
        long size,
        Map<String, String> userMetadata,
        Instant time,
        String callerAccessKeyId) {

    /** Checks and copies. */
    public S3ObjectWritten {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        userMetadata = Map.copyOf(userMetadata);
        Objects.requireNonNull(time, "time");
    }
}
