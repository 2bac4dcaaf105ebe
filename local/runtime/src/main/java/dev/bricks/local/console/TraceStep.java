package dev.bricks.local.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened under a correlation id.
 *
 * @param seq the recorder's sequence number (orders steps across traces); positive
 * @param time when it happened (for an invocation and an HTTP request: when it started); never null
 * @param kind what it is; never null
 * @param title one line for the timeline, e.g. {@code POST /orders → 201}; never null
 * @param function the function involved; null when none
 * @param requestId the invocation's request id ({@link StepKind#INVOCATION}); else null
 * @param detail the step's fields, payloads already redacted; never null
 */
public record TraceStep(
        long seq, Instant time, StepKind kind, String title, String function, String requestId, ObjectNode detail) {

    /** Checks the non-null components. */
    public TraceStep {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }
}
