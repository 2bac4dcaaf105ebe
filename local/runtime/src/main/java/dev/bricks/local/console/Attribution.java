package dev.bricks.local.console;

/** How a recorded write found its trace; shown with the step, so a developer knows how sure it is. */
public enum Attribution {
    /** It carried a correlation id: a header, object metadata, an item's or an event detail's {@code _correlation_id}. */
    CORRELATION_ID,
    /**
     * Its request was signed with the access key of a function environment, which runs one invocation at a time:
     * the trace of that invocation.
     */
    CALLER,
    /** Neither (a client outside the app, or a function with its own credentials): a trace of its own. */
    NONE
}
