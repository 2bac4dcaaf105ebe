package dev.bricks.local.s3;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LocalS3} serves.
 *
 * @param port the loopback port; 0 for a free one
 * @param dataDirectory where objects are kept across restarts (bricks-local's {@code --state DIR/s3}); null to
 *     keep them in memory
 * @param region the region written into event records ({@code awsRegion}); not null
 * @param buckets the buckets created at start; not null
 */
public record S3Config(int port, Path dataDirectory, String region, List<S3BucketConfig> buckets) {

    /** Checks the components and copies the list. */
    public S3Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        Objects.requireNonNull(region, "region");
        buckets = List.copyOf(buckets);
    }
}
