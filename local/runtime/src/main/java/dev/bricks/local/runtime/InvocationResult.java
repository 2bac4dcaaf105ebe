package dev.bricks.local.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the runtime answered for one invocation.
 *
 * @param requestId the {@code Lambda-Runtime-Aws-Request-Id}; never null
 * @param status whether the runtime posted to {@code /response} or {@code /error}; never null
 * @param payload the body the runtime posted (the function's response, or its error document); never null.
 *     Not copied: do not modify
 * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header of an error; null for a success
 * @param dispatchedNanos {@link System#nanoTime()} when the event was handed to the runtime's {@code next}
 * @param completedNanos {@link System#nanoTime()} when the runtime's answer had been read
 */
public record InvocationResult(
        String requestId, Status status, byte[] payload, String errorType, long dispatchedNanos, long completedNanos) {

    /** Which Runtime API resource the runtime answered on. */
    public enum Status {
        SUCCESS,
        ERROR
    }

    /** Lambda's {@code Duration}: from handing the event to the runtime to its answer. */
    public Duration duration() {
        return Duration.ofNanos(completedNanos - dispatchedNanos);
    }

    /** The payload decoded as UTF-8. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
