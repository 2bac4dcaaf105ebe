package dev.bricks.local.template;

import java.util.Objects;

/**
 * An {@code AWS::S3::Bucket}.
 *
 * @param logicalId the resource's name; never null
 * @param bucketName {@code BucketName}, else the logical id in lower case; never null
 * @param location where the resource is defined; never null
 */
public record BucketDefinition(String logicalId, String bucketName, Location location) {

    /** Checks. */
    public BucketDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(location, "location");
    }
}
