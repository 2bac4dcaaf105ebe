package dev.bricks.test;

import dev.bricks.core.eventbridge.EventType;
import dev.bricks.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the envelope EventBridge hands a Lambda target: {@code version}, {@code id}, {@code detail-type},
 * {@code source}, {@code account}, {@code time}, {@code region}, {@code resources}, {@code detail}. The source and
 * detail-type come from the detail record's {@link EventType} (the first detail-type) unless set. Not thread-safe.
 *
 * <pre>{@code
 * String event = EventBridgeEvents.of(new OrderPlaced("o-1", 2)).build();
 * String other = EventBridgeEvents.of(Map.of("orderId", "o-1")).source("orders.app").detailType("OrderPlaced").build();
 * }</pre>
 */
public final class EventBridgeEvents extends EventBuilder {

    private final Object detail;
    private String source;
    private String detailType;
    private String id = UUID.randomUUID().toString();
    private Instant time = Instant.parse("2026-12-03T09:00:00Z");
    private String account = "123456789012";
    private String region = "us-east-1";
    private List<String> resources = List.of();

    private EventBridgeEvents(Object detail) {
        this.detail = Objects.requireNonNull(detail, "detail");
        EventType type = detail.getClass().getAnnotation(EventType.class);
        if (type != null) {
            this.source = type.source();
            this.detailType = type.detailType()[0];
        }
    }

    /**
     * An event carrying {@code detail}, written as JSON by Bricks' mapper (a {@code String} is taken as JSON text).
     */
    public static EventBridgeEvents of(Object detail) {
        return new EventBridgeEvents(detail);
    }

    /** The {@code source}, such as {@code orders.app}. */
    public EventBridgeEvents source(String source) {
        this.source = Objects.requireNonNull(source, "source");
        return this;
    }

    /** The {@code detail-type}, such as {@code OrderPlaced}. */
    public EventBridgeEvents detailType(String detailType) {
        this.detailType = Objects.requireNonNull(detailType, "detailType");
        return this;
    }

    /** The event id (default a random UUID, as EventBridge gives). */
    public EventBridgeEvents id(String id) {
        this.id = Objects.requireNonNull(id, "id");
        return this;
    }

    /** The event time (default 2026-12-03T09:00:00Z), written to the second as EventBridge does. */
    public EventBridgeEvents time(Instant time) {
        this.time = Objects.requireNonNull(time, "time");
        return this;
    }

    /** The 12-digit account (default {@code 123456789012}). */
    public EventBridgeEvents account(String account) {
        this.account = Objects.requireNonNull(account, "account");
        return this;
    }

    /** The region (default {@code us-east-1}). */
    public EventBridgeEvents region(String region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /** The {@code resources} ARNs. */
    public EventBridgeEvents resources(String... arns) {
        this.resources = List.of(arns);
        return this;
    }

    /**
     * The envelope's JSON text.
     *
     * @throws IllegalStateException when the source or detail-type is unknown (no {@link EventType} on the detail
     *     and none set)
     */
    @Override
    public String build() {
        if (source == null || detailType == null) {
            throw new IllegalStateException(
                    detail.getClass().getName() + " has no @EventType: set source(…) and detailType(…)");
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", account);
        event.put("time", time.toString().replaceAll("\\.\\d+Z$", "Z"));
        event.put("region", region);
        event.put("resources", resources);
        event.put("detail", detail instanceof String s ? Json.read(s, Object.class) : detail);
        return Json.writeString(event);
    }
}
