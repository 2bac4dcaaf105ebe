package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Decoding of items that may hold any of several entity types, by their entity-type attribute. Stateless. */
final class EntityTypes {

    private EntityTypes() {}

    /**
     * Decodes the item with the schema its type attribute names.
     *
     * @param byType the candidate schemas by entity type; not empty
     * @throws EntityTypeMismatchException when the item has no type attribute or names none of the candidates
     */
    static Object decode(Map<String, AttributeValue> item, String typeAttribute, Map<String, EntitySchema<?>> byType) {
        AttributeValue t = item.get(typeAttribute);
        EntitySchema<?> s = t == null ? null : byType.get(t.s());
        if (s == null) {
            throw new EntityTypeMismatchException(
                    "one of " + byType.keySet(),
                    t == null ? null : t.s(),
                    EntityKey.describeKeyOf(
                            item, byType.values().iterator().next().primaryKey()));
        }
        return s.codec().fromItem(item);
    }
}
