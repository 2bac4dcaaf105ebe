package dev.bricks.core.spi;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;

/**
 * What Bricks knows about one invocation before the handler runs.
 *
 * @param trigger the kind of event that caused the invocation
 * @param requestId Lambda's request id ({@code function_request_id} in logs); never null, may be empty off Lambda
 * @param coldStart true for the first invocation of this execution environment
 * @param correlationId the correlation id derived from the event by the rules in {@code core}'s README
 *     (HTTP header {@code x-correlation-id}, else the API request id; EventBridge detail member
 *     {@code _correlation_id}, else the event id; …); never null
 * @param context Lambda's context (function name, version, memory, ARN); may be null off Lambda
 * @param event the parsed event envelope; may be null
 * @param rawEvent the event's bytes exactly as received (for opt-in, redacted event logging); do not modify
 */
public record InvocationInfo(
        Trigger trigger,
        String requestId,
        boolean coldStart,
        String correlationId,
        Context context,
        Object event,
        byte[] rawEvent) {

    public InvocationInfo {
        Objects.requireNonNull(trigger, "trigger");
        requestId = requestId == null ? "" : requestId;
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** The kinds of trigger Bricks handles. */
    public enum Trigger {
        HTTP,
        EVENTBRIDGE,
        DYNAMODB_STREAM,
        S3,
        SQS,
        AUTHORIZER,
        OTHER
    }
}
