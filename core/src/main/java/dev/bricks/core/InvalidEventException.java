package dev.bricks.core;

/**
 * The event Lambda delivered cannot be read as the handler's trigger type: the envelope is malformed, a
 * required member is missing, or the payload (an EventBridge {@code detail}, an SQS body bound to a record)
 * does not match the declared type or fails its validation.
 *
 * <p>Thrown out of the handler so that the invocation fails and Lambda's retry and dead-letter settings
 * apply. The message names the event and the problem, never the event's content.
 */
public class InvalidEventException extends RuntimeException {

    /** @param message names the problem (which member, what was expected) */
    public InvalidEventException(String message) {
        super(message);
    }

    /** @param message names the problem; {@code cause} the underlying parse failure */
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
