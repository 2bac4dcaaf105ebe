package dev.bricks.core;

import java.util.Optional;
import java.util.UUID;

/**
 * The correlation id of the invocation running on the current thread: one id that joins every log line,
 * event and item of one business request across functions.
 *
 * <p>Bricks' handler base classes set it before the handler runs (derived from the event, see the constants
 * below for where each trigger carries it) and clear it after, so it never leaks into the next invocation of
 * a warm environment. Outgoing calls read it: the {@code bricks-events} publisher writes it into each entry's
 * detail, the {@code bricks-dynamo-single-table} repository into each written item.
 *
 * <p>Thread-confined: the value belongs to the thread running the invocation.
 */
public final class Correlation {

    /** HTTP request header carrying a caller's correlation id (matched case-insensitively). */
    public static final String HTTP_HEADER = "x-correlation-id";
    /** Member of an EventBridge event's {@code detail} object holding the producer's correlation id. */
    public static final String EVENT_DETAIL_FIELD = "_correlation_id";
    /** Item attribute holding the writer's correlation id, read back from DynamoDB stream images. */
    public static final String ITEM_ATTRIBUTE = "_correlation_id";
    /** SQS message attribute (String) carrying the sender's correlation id. */
    public static final String SQS_MESSAGE_ATTRIBUTE = "correlation_id";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {}

    /** The correlation id of the current invocation, or empty outside one. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Starts a new correlation (a random UUID) for the rest of the current invocation, for a handler that
     * begins a new business request of its own.
     *
     * @return the new id
     */
    public static String startNew() {
        String id = UUID.randomUUID().toString();
        CURRENT.set(id);
        return id;
    }

    /**
     * Sets the correlation id for the current thread. Called by Bricks' handler base classes; a handler
     * that runs work outside them may call it too, and must then call {@link #clear()}.
     */
    public static void set(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            throw new IllegalArgumentException("correlationId must be a non-blank string");
        }
        CURRENT.set(correlationId);
    }

    /** Removes the current thread's correlation id. */
    public static void clear() {
        CURRENT.remove();
    }
}
