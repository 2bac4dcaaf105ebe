package dev.bricks.local.s3;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The S3 event types a bucket notification can name, as written in a SAM template's {@code S3} event
 * ({@code s3:ObjectCreated:*}) or a bucket's {@code NotificationConfiguration}.
 */
public enum S3EventType {
    /** {@code s3:ObjectCreated:*}: any object creation. */
    OBJECT_CREATED_ANY("s3:ObjectCreated:*"),
    /** {@code s3:ObjectCreated:Put}. */
    OBJECT_CREATED_PUT("s3:ObjectCreated:Put"),
    /** {@code s3:ObjectCreated:Post} (browser form uploads). */
    OBJECT_CREATED_POST("s3:ObjectCreated:Post"),
    /** {@code s3:ObjectCreated:Copy}. */
    OBJECT_CREATED_COPY("s3:ObjectCreated:Copy"),
    /** {@code s3:ObjectCreated:CompleteMultipartUpload}. */
    OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD("s3:ObjectCreated:CompleteMultipartUpload"),
    /** {@code s3:ObjectRemoved:*}: any removal. */
    OBJECT_REMOVED_ANY("s3:ObjectRemoved:*"),
    /** {@code s3:ObjectRemoved:Delete}. */
    OBJECT_REMOVED_DELETE("s3:ObjectRemoved:Delete"),
    /** {@code s3:ObjectRemoved:DeleteMarkerCreated} (versioned buckets; never produced locally). */
    OBJECT_REMOVED_DELETE_MARKER_CREATED("s3:ObjectRemoved:DeleteMarkerCreated");

    private final String awsName;

    S3EventType(String awsName) {
        this.awsName = awsName;
    }

    /** The name as AWS writes it in a notification configuration, e.g. {@code s3:ObjectCreated:Put}. */
    public String awsName() {
        return awsName;
    }

    /** The name as it appears in an event record's {@code eventName}: without {@code s3:}. */
    public String eventName() {
        return awsName.substring("s3:".length());
    }

    /** Whether a notification for this type fires on an event of type {@code happened} (a concrete type). */
    public boolean matches(S3EventType happened) {
        if (this == happened) {
            return true;
        }
        return switch (this) {
            case OBJECT_CREATED_ANY -> happened.awsName.startsWith("s3:ObjectCreated:");
            case OBJECT_REMOVED_ANY -> happened.awsName.startsWith("s3:ObjectRemoved:");
            default -> false;
        };
    }

    /**
     * Parses a name like {@code s3:ObjectCreated:*}.
     *
     * @throws IllegalArgumentException naming the value and the supported names
     */
    public static S3EventType parse(String awsName) {
        for (S3EventType type : values()) {
            if (type.awsName.equals(awsName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unsupported S3 event type '" + awsName + "'; supported: "
                + Arrays.stream(values()).map(S3EventType::awsName).collect(Collectors.joining(", ")));
    }
}
