package dev.bricks.outbox;

import dev.bricks.core.Correlation;
import dev.bricks.events.PreparedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox item: one prepared event, its aggregate and its expiry, and the mapping to and from DynamoDB. Every
 * attribute but the keys, the TTL and {@value Correlation#ITEM_ATTRIBUTE} is prefixed {@code _outbox_}, so no entity
 * attribute collides and the relay recognises outbox items by {@link #EVENT_ID}.
 *
 * @param aggregateKey  the aggregate the event belongs to (the partition key is {@code OUTBOX#} + it); never blank
 * @param event         the event as it will be published; never null
 * @param correlationId the writing invocation's correlation id, or null
 * @param expiresAt     when DynamoDB's TTL may delete the item; null when read back from a stream image
 */
record OutboxItem(String aggregateKey, PreparedEvent event, String correlationId, Instant expiresAt) {

    static final String EVENT_ID = "_outbox_event_id";
    static final String AGGREGATE = "_outbox_aggregate";
    static final String SOURCE = "_outbox_source";
    static final String DETAIL_TYPE = "_outbox_detail_type";
    static final String DETAIL = "_outbox_detail";
    static final String RESOURCES = "_outbox_resources";
    static final String TRACE_HEADER = "_outbox_trace_header";

    /** The item as written: keys, the event's parts, the writer's correlation id, the TTL in epoch seconds. */
    Map<String, AttributeValue> toItem(String pkAttribute, String skAttribute, String ttlAttribute) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(pkAttribute, s(Outbox.KEY_PREFIX + aggregateKey));
        item.put(skAttribute, s(event.eventId()));
        item.put(EVENT_ID, s(event.eventId()));
        item.put(AGGREGATE, s(aggregateKey));
        item.put(SOURCE, s(event.source()));
        item.put(DETAIL_TYPE, s(event.detailType()));
        item.put(DETAIL, s(event.detail()));
        if (!event.resources().isEmpty()) {
            item.put(
                    RESOURCES,
                    AttributeValue.fromL(
                            event.resources().stream().map(OutboxItem::s).toList()));
        }
        event.traceHeaderValue().ifPresent(t -> item.put(TRACE_HEADER, s(t)));
        if (correlationId != null) {
            item.put(Correlation.ITEM_ATTRIBUTE, s(correlationId));
        }
        item.put(ttlAttribute, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        return item;
    }

    /** Whether an item (a stream image in SDK form) is an outbox item. */
    static boolean isOutboxItem(Map<String, AttributeValue> image) {
        return image.containsKey(EVENT_ID);
    }

    /**
     * Reads an outbox item from a stream image (SDK form).
     *
     * @throws IllegalArgumentException naming the missing or mistyped attribute
     */
    static OutboxItem fromImage(Map<String, AttributeValue> image) {
        List<String> resources = new ArrayList<>();
        AttributeValue list = image.get(RESOURCES);
        if (list != null) {
            if (!list.hasL()) {
                throw new IllegalArgumentException("outbox item attribute " + RESOURCES + " must be a list");
            }
            for (AttributeValue v : list.l()) {
                if (v.s() == null) {
                    throw new IllegalArgumentException("outbox item attribute " + RESOURCES + " must list strings");
                }
                resources.add(v.s());
            }
        }
        AttributeValue trace = image.get(TRACE_HEADER);
        AttributeValue correlation = image.get(Correlation.ITEM_ATTRIBUTE);
        PreparedEvent event = new PreparedEvent(
                string(image, EVENT_ID),
                string(image, SOURCE),
                string(image, DETAIL_TYPE),
                string(image, DETAIL),
                resources,
                trace == null ? null : trace.s());
        return new OutboxItem(string(image, AGGREGATE), event, correlation == null ? null : correlation.s(), null);
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image.get(name);
        if (v != null && v.s() != null && !v.s().isBlank()) {
            return v.s();
        }
        throw new IllegalArgumentException("outbox item has no string attribute " + name);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
