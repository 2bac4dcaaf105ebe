package dev.bricks.core.eventbridge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An EventBridge event as delivered to a Lambda target, with its {@code detail} bound to a typed value.
 *
 * @param version envelope version ({@code "0"}); never null
 * @param id the event id (UUID); never null
 * @param detailType the {@code detail-type}; never null
 * @param source the {@code source} (e.g. {@code orders.app}); never null
 * @param account the 12-digit account id; may be null
 * @param time the event time; never null
 * @param region the region; may be null
 * @param resources the {@code resources} ARNs; never null, possibly empty
 * @param detail the bound detail; never null
 * @param replayName the {@code replay-name} on replayed events, else null
 * @param <T> the detail type
 */
public record EventBridgeEvent<T>(
        String version,
        String id,
        String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources,
        T detail,
        String replayName) {

    /** Checks the required members and copies {@code resources}. */
    public EventBridgeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(detail, "detail");
        version = version == null ? "0" : version;
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** Whether this event was delivered by an EventBridge archive replay. */
    public boolean isReplay() {
        return replayName != null;
    }
}
