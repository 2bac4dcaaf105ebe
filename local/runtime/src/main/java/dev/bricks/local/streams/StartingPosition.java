package dev.bricks.local.streams;

/** Where a new stream event source mapping starts reading, as Lambda's {@code StartingPosition}. */
public enum StartingPosition {
    /** The oldest record still in the stream. */
    TRIM_HORIZON,
    /** Only records written after the mapping started. */
    LATEST
}
