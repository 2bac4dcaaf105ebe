package dev.bricks.local.functions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * What Lambda's {@code Invoke} API would answer for one synchronous invocation.
 *
 * @param requestId the invocation's request id; never null
 * @param payload the function's response, or Lambda's error document
 *     ({@code {"errorMessage":…,"errorType":…}}) when {@link #functionError()} is set; never null
 * @param functionError null on success; else the value of Lambda's {@code X-Amz-Function-Error} header:
 *     {@code "Unhandled"} for a function error, a timeout ({@code errorType} {@code Sandbox.Timedout},
 *     message {@code Task timed out after N.NN seconds}), a crash ({@code Runtime.ExitError}) or an init
 *     failure ({@code Runtime.*})
 * @param errorType the error's {@code errorType}; null on success
 * @param coldStart whether this invocation started a new execution environment
 * @param duration Lambda's billed {@code Duration}: from handing the event to the runtime to its answer
 */
public record InvokeOutcome(
        String requestId,
        byte[] payload,
        String functionError,
        String errorType,
        boolean coldStart,
        Duration duration) {

    /** Checks the non-null components. */
    public InvokeOutcome {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether the function answered without error. */
    public boolean succeeded() {
        return functionError == null;
    }

    /** The payload decoded as UTF-8. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
