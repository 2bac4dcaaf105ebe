package dev.bricks.local.s3;

import java.util.List;
import java.util.Objects;

/**
 * A bucket the local S3 creates at start, with its notifications.
 *
 * @param name the bucket name (3-63 characters of lower-case letters, digits, {@code .} and {@code -}); not null
 * @param notifications the Lambda notifications; not null, may be empty
 */
public record S3BucketConfig(String name, List<S3NotificationConfig> notifications) {

    /**
     * Checks the name and copies the list.
     *
     * @throws IllegalArgumentException when the name is not a valid bucket name
     */
    public S3BucketConfig {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException(
                    "Invalid bucket name '" + name + "': 3-63 characters of lower-case letters, digits, '.' and '-'");
        }
        notifications = List.copyOf(notifications);
    }
}
