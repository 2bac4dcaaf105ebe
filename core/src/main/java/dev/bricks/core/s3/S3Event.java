package dev.bricks.core.s3;

import java.util.List;

/**
 * An S3 event notification as delivered to Lambda.
 *
 * @param records the records (usually one); never null
 */
public record S3Event(List<S3Record> records) {

    /** Copies the list. */
    public S3Event {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
