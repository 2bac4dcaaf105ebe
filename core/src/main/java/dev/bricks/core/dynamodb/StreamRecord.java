package dev.bricks.core.dynamodb;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One DynamoDB stream record.
 *
 * @param eventId the record's unique id; never null
 * @param eventName INSERT, MODIFY or REMOVE; never null
 * @param eventSourceArn the stream ARN; may be null
 * @param awsRegion the region; may be null
 * @param approximateCreationDateTime when the change happened (second precision); may be null
 * @param keys the item's key attributes; never null
 * @param newImage the item after the change; empty for REMOVE or when the view type excludes it; never null
 * @param oldImage the item before the change; empty for INSERT or when the view type excludes it; never null
 * @param sequenceNumber the shard sequence number, the identifier reported on failure; never null
 * @param sizeBytes the record's size in bytes
 * @param streamViewType KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES; may be null
 * @param userIdentityPrincipalId {@code dynamodb.amazonaws.com} for TTL deletions, else null
 */
public record StreamRecord(
        String eventId,
        OperationType eventName,
        String eventSourceArn,
        String awsRegion,
        Instant approximateCreationDateTime,
        Map<String, AttributeValue> keys,
        Map<String, AttributeValue> newImage,
        Map<String, AttributeValue> oldImage,
        String sequenceNumber,
        long sizeBytes,
        String streamViewType,
        String userIdentityPrincipalId) {

    /** Copies the maps. */
    public StreamRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        keys = copy(keys);
        newImage = copy(newImage);
        oldImage = copy(oldImage);
    }

    private static Map<String, AttributeValue> copy(Map<String, AttributeValue> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Whether DynamoDB's TTL process deleted the item. */
    public boolean isTtlDeletion() {
        return eventName == OperationType.REMOVE && "dynamodb.amazonaws.com".equals(userIdentityPrincipalId);
    }

    /** A string attribute of the new image, else of the old image. */
    public Optional<String> stringAttribute(String name) {
        AttributeValue value = newImage.containsKey(name) ? newImage.get(name) : oldImage.get(name);
        return value instanceof AttributeValue.S s ? Optional.of(s.value()) : Optional.empty();
    }
}
