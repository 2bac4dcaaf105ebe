package dev.bricks.dynamo;

import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.dynamo.schema.EntitySchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decodes DynamoDB stream images (new or old image of a record) into entities, choosing the type by the
 * entity type attribute: a stream handler receives {@code Order} objects, not attribute maps. Thread-safe.
 *
 * <pre>{@code
 * StreamImages images = StreamImages.of(UserSchema.SCHEMA, OrderSchema.SCHEMA);
 * Object entity = images.decode(newImage);            // a User or an Order
 * Order order = images.decode(newImage, Order.class);  // or EntityTypeMismatchException
 * Optional<Order> fromCore = images.newImage(streamRecord, Order.class); // core's StreamRecord
 * }</pre>
 */
public final class StreamImages {
    private final Map<String, EntitySchema<?>> byType = new LinkedHashMap<>();
    private final String typeAttribute;

    private StreamImages(EntitySchema<?>... schemas) {
        if (schemas.length == 0) {
            throw new IllegalArgumentException("StreamImages needs at least one entity schema");
        }
        this.typeAttribute = schemas[0].typeAttribute();
        for (EntitySchema<?> s : schemas) {
            if (!s.typeAttribute().equals(typeAttribute)) {
                throw new IllegalArgumentException(
                        "Entities " + schemas[0].type() + " and " + s.type() + " use different entity type attributes");
            }
            byType.put(s.type(), s);
        }
    }

    /** A decoder for these entity types. */
    public static StreamImages of(EntitySchema<?>... schemas) {
        return new StreamImages(schemas);
    }

    /** True when the image holds one of the known entity types (constraint items, for example, do not). */
    public boolean isEntity(Map<String, AttributeValue> image) {
        AttributeValue t = image == null ? null : image.get(typeAttribute);
        return t != null && byType.containsKey(t.s());
    }

    /**
     * Decodes an image to its entity type.
     *
     * @throws EntityTypeMismatchException if the image carries no known entity type
     */
    public Object decode(Map<String, AttributeValue> image) {
        return EntityTypes.decode(image, typeAttribute, byType);
    }

    /**
     * The new image of a core stream record as {@code type}; empty when the record has no new image (REMOVE,
     * KEYS_ONLY/OLD_IMAGE views) or holds another entity type / a constraint item.
     */
    public <T> Optional<T> newImage(StreamRecord record, Class<T> type) {
        return image(record.newImage(), type);
    }

    /** The old image of a core stream record as {@code type}; empty when absent or of another type. */
    public <T> Optional<T> oldImage(StreamRecord record, Class<T> type) {
        return image(record.oldImage(), type);
    }

    /** Decodes a core stream image (any known entity type); empty when absent or not an entity. */
    public Optional<Object> decode(StreamRecord record) {
        Map<String, AttributeValue> img =
                CoreAttributeValues.toSdk(record.newImage().isEmpty() ? record.oldImage() : record.newImage());
        return isEntity(img) ? Optional.of(decode(img)) : Optional.empty();
    }

    private <T> Optional<T> image(Map<String, dev.bricks.core.dynamodb.AttributeValue> image, Class<T> type) {
        if (image.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> img = CoreAttributeValues.toSdk(image);
        if (!isEntity(img)) {
            return Optional.empty();
        }
        Object o = decode(img);
        return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
    }

    /**
     * Decodes an image that must be of {@code type}.
     *
     * @throws EntityTypeMismatchException if it is another entity type
     */
    public <T> T decode(Map<String, AttributeValue> image, Class<T> type) {
        Object o = decode(image);
        if (!type.isInstance(o)) {
            AttributeValue t = image.get(typeAttribute);
            String expected = byType.values().stream()
                    .filter(s -> s.entityClass() == type)
                    .map(EntitySchema::type)
                    .findFirst()
                    .orElse(type.getSimpleName());
            throw new EntityTypeMismatchException(
                    expected,
                    t.s(),
                    EntityKey.describeKeyOf(
                            image, byType.values().iterator().next().primaryKey()));
        }
        return type.cast(o);
    }
}
