package dev.bricks.events;

/**
 * The {@link DomainEvent} values of one event type, generated at build time by {@code bricks-core-processor} as
 * {@code <event's binary name>$$BricksEventType}: with it, the publisher reads no annotation by reflection. Not
 * implemented by hand.
 */
public interface GeneratedEventType {

    /** {@link DomainEvent#source()}. */
    String source();

    /** {@link DomainEvent#detailType()}. */
    String detailType();
}
