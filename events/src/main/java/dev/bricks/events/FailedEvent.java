package dev.bricks.events;

/**
 * An event that could not be published: rejected with a non-retryable code, or still failing when the
 * retry deadline passed.
 *
 * @param event        the object given to publish (the record or the {@link OutgoingEvent}), never null
 * @param errorCode    EventBridge's per-entry {@code ErrorCode} (e.g. {@code ThrottlingException},
 *                     {@code MalformedDetail}) or, when the whole call failed, the service error code or the
 *                     client exception's simple class name; never null
 * @param errorMessage the accompanying message; never null
 * @param attempts     how many PutEvents calls carried this event
 * @param retryable    whether the code is one EventBridge documents as retryable (the deadline ended it)
 * @param <E> the type of the events given to {@code publish}/{@code publishAll}
 */
public record FailedEvent<E>(E event, String errorCode, String errorMessage, int attempts, boolean retryable) {}
