package dev.bricks.local.console;

/** What one step of a trace is. */
public enum StepKind {
    /** A request to the API gateway and its answer. */
    HTTP,
    /** A Lambda authorizer's decision on a request. */
    AUTHORIZER,
    /** A function invocation (cold or warm, its REPORT figures and result). */
    INVOCATION,
    /** An item written to a table, as its stream record shows it (old and new image). */
    ITEM_WRITE,
    /** A batch of stream records handed to a function. */
    STREAM_BATCH,
    /** An event on a bus, with the rules it matched. */
    EVENT,
    /** An object stored in a bucket. */
    S3_OBJECT,
    /** A mail captured by the SES catcher. */
    MAIL
}
