package dev.bricks.local.functions;

/**
 * Invokes a function of the running local app by its logical id (the template's resource name), as Lambda's
 * {@code Invoke} API does with {@code InvocationType=RequestResponse}: picks a free warm execution environment or
 * starts one (a cold start), sends the event, and waits for the answer or the function's timeout.
 *
 * <p>This is the one seam between bricks-local's triggers (API gateway, stream pollers, EventBridge targets,
 * S3 notifications) and its function environments. Implementations are thread-safe: triggers call it from
 * many threads at once, and each concurrent call gets its own environment, up to the function's concurrency.
 */
public interface FunctionInvoker {

    /**
     * Invokes {@code functionId} synchronously.
     *
     * @param functionId the function's logical id in the template; not null
     * @param event the event payload (JSON); not null
     * @return the outcome; never null. A function error, timeout, crash or init failure is an outcome, not an
     *     exception, as with Lambda's {@code Invoke} API
     * @throws UnknownFunctionException when the app has no function of that id
     */
    InvokeOutcome invoke(String functionId, byte[] event);

    /** Thrown by {@link #invoke} for a function id that the app does not define. */
    final class UnknownFunctionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param functionId the id that was asked for */
        public UnknownFunctionException(String functionId) {
            super("No function '" + functionId + "' in the template");
        }
    }
}
