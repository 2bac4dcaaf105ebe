package dev.bricks.local.console;

/** What one step of a trace is. */
public enum StepKind {
    /** A request to the API gateway and its answer. */
    HTTP,
    /** A Lambda authorizer's decision on a request. */
    AUTHORIZER,
    /** A function invocation (cold or warm, its REPORT figures and result). */
    INVOCATION,
    /** An item written to a table (any write, any table): keys, old and new image, and what changed. */
    ITEM_WRITE,
    /** A batch of stream records handed to a function. */
    STREAM_BATCH,
    /** An event put on a bus, with the rules it matched (possibly none) and where it goes. */
    EVENT,
    /** An object stored in a bucket. */
    S3_OBJECT,
    /** A mail captured by the SES catcher. */
    MAIL
}
