package dev.bricks.events;

/**
 * An event EventBridge accepted.
 *
 * @param event   the object given to publish (the record or the {@link OutgoingEvent})
 * @param eventId the id EventBridge assigned; it is the envelope's {@code id} at the consumer
 * @param <E> the type of the events given to {@code publish}/{@code publishAll}
 */
public record PublishedEvent<E>(E event, String eventId) {}
