package dev.bricks.test;

/** The {@code eventName} of an S3 notification record, as S3 writes it (no {@code s3:} prefix). */
public enum S3EventName {
    /** {@code ObjectCreated:Put}. */
    OBJECT_CREATED_PUT("ObjectCreated:Put"),
    /** {@code ObjectCreated:Post}. */
    OBJECT_CREATED_POST("ObjectCreated:Post"),
    /** {@code ObjectCreated:Copy}. */
    OBJECT_CREATED_COPY("ObjectCreated:Copy"),
    /** {@code ObjectCreated:CompleteMultipartUpload}. */
    OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD("ObjectCreated:CompleteMultipartUpload"),
    /** {@code ObjectRemoved:Delete}. */
    OBJECT_REMOVED_DELETE("ObjectRemoved:Delete"),
    /** {@code ObjectRemoved:DeleteMarkerCreated}. */
    OBJECT_REMOVED_DELETE_MARKER_CREATED("ObjectRemoved:DeleteMarkerCreated");

    private final String wireName;

    S3EventName(String wireName) {
        this.wireName = wireName;
    }

    /** The name as it appears in the event, such as {@code ObjectCreated:Put}. */
    public String wireName() {
        return wireName;
    }

    boolean created() {
        return wireName.startsWith("ObjectCreated");
    }
}
