package dev.bricks.dynamo.schema;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts one entity (or nested document record) type to and from DynamoDB items, without the enhanced client's
 * {@link TableSchema} machinery: implemented by generated code ({@code OrderSchema.CODEC}), one straight-line method
 * per direction, no reflection. Implementations are stateless and thread-safe.
 *
 * @param <T> the entity type
 */
public interface ItemCodec<T> {

    /**
     * The item of an entity: key attributes rendered from their templates, index keys (left out when a component is
     * null), the entity type, and every non-null component. A nested document keeps its null components as
     * {@code NULL} values, like the enhanced client's document converter. Returns a new mutable map.
     *
     * @throws dev.bricks.dynamo.KeyTemplateMissingValueException when a primary-key component is null
     */
    Map<String, AttributeValue> toItem(T entity);

    /** The entity of an item; absent and {@code NULL} attributes become null (0/false for primitives). */
    T fromItem(Map<String, AttributeValue> item);

    /**
     * The value of a component of an entity, by its Java name.
     *
     * @throws IllegalArgumentException when there is no such component
     */
    Object component(T entity, String component);

    /**
     * The attribute value of one component value as it is stored (with the component's converter); null becomes a
     * {@code NULL} attribute value.
     *
     * @throws IllegalArgumentException when there is no such component
     */
    AttributeValue attributeValue(String component, Object value);

    /**
     * The equivalent enhanced-client table schema, built on first call only (opt-in: it loads the enhanced client's
     * classes). For use with the plain enhanced client.
     */
    TableSchema<T> tableSchema();
}
