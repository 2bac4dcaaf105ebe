package dev.bricks.events;

/**
 * An event EventBridge accepted.
 *
 * @param event   the object given to publish (the record or the {@link OutgoingEvent})
 * @param eventId the id EventBridge assigned; it is the envelope's {@code id} at the consumer
 */
public record PublishedEvent(Object event, String eventId) {
}
