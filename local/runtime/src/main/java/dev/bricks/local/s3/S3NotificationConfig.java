package dev.bricks.local.s3;

import java.util.Objects;
import java.util.Set;

/**
 * One bucket notification to a Lambda function: a SAM {@code S3} event
 * ({@code Events: s3:ObjectCreated:*}, {@code Filter.S3Key.Rules} prefix/suffix).
 *
 * @param id the notification's {@code configurationId} in the event records; not null
 * @param functionId the function's logical id; not null
 * @param events the event types that fire it; not empty
 * @param prefix the key must start with this (raw, not URL-encoded); empty for any
 * @param suffix the key must end with this; empty for any
 */
public record S3NotificationConfig(
        String id, String functionId, Set<S3EventType> events, String prefix, String suffix) {

    /** Checks the components and copies the set. */
    public S3NotificationConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        events = Set.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("notification " + id + " names no event type");
        }
    }

    /** Whether an event of concrete type {@code type} on {@code key} fires this notification. */
    public boolean fires(S3EventType type, String key) {
        return key.startsWith(prefix) && key.endsWith(suffix) && events.stream().anyMatch(e -> e.matches(type));
    }
}
