package dev.bricks.test;

import java.nio.charset.StandardCharsets;

/** What every event builder offers: the event as JSON text and as the bytes a stream handler reads. */
abstract class EventBuilder {

    EventBuilder() {}

    /** The event's JSON text. */
    public abstract String build();

    /** The event's UTF-8 bytes, as a stream handler reads them. */
    public final byte[] bytes() {
        return build().getBytes(StandardCharsets.UTF_8);
    }
}
