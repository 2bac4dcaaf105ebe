package dev.bricks.local.app;

/** Where an injected invocation failure happens (see {@link InvocationFailures}). */
public enum FailurePoint {
    /** The event never reaches the handler: nothing of the function runs, the caller gets a function error. */
    BEFORE_HANDLER,
    /**
     * The handler runs to its end (its effects happen), then its response is replaced by a function error: the
     * case a retry must not repeat the effects of.
     */
    AFTER_HANDLER
}
