package dev.bricks.local.functions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * An asynchronous invocation that {@link AsyncInvoker} gave up on: what Lambda would send to the function's
 * on-failure destination (or its dead-letter queue).
 *
 * @param functionId the function's logical id; never null
 * @param requestId the asynchronous request id {@link AsyncInvoker#invoke} returned; never null
 * @param condition why it gave up; never null
 * @param attempts how many times the function was invoked (Lambda's {@code approximateInvokeCount})
 * @param event the event payload; never null
 * @param errorType the last attempt's {@code errorType} (e.g. {@code java.lang.IllegalStateException},
 *     {@code Sandbox.Timedout}); never null
 * @param lastResponse the last attempt's error document ({@code {"errorMessage":…,"errorType":…}}); never null
 * @param time when it gave up; never null
 */
public record AsyncDeadLetter(
        String functionId,
        String requestId,
        Condition condition,
        int attempts,
        byte[] event,
        String errorType,
        String lastResponse,
        Instant time) {

    /** Why an event was given up, named as Lambda's on-failure records name it. */
    public enum Condition {
        /** Every attempt failed. */
        RetriesExhausted,
        /** The event got older than the maximum event age before it could be attempted again. */
        EventAgeExceeded
    }

    /** Checks the non-null components. */
    public AsyncDeadLetter {
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(lastResponse, "lastResponse");
        Objects.requireNonNull(time, "time");
    }

    /** The event decoded as UTF-8. */
    public String eventAsString() {
        return new String(event, StandardCharsets.UTF_8);
    }

    /** One line for the console: {@code dead letter: <function> request <id> after <n> attempts (<condition>): <errorType>}. */
    public String toLogLine() {
        return "dead letter: " + functionId + " request " + requestId + " after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + " (" + condition + "): " + errorType;
    }
}
